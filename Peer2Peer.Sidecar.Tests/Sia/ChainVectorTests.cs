using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>SIAD.md §11.2: IDs of Sia's mainnet and vectors from SiaFoundation/core-rs.</summary>
[Category("Vectors")]
public sealed class ChainVectorTests
{
    [Test]
    public void MainnetGenesisBlockId()
    {
        var vector = JObject.Parse(File.ReadAllText(TestPaths.Vector("mainnet-genesis.json")));
        var outputs = vector["siafundOutputs"]!.Select(o => new SiafundOutput
        {
            Value = Currency.Parse((string)o["value"]!),
            UnlockHash = new UnlockHash(Convert.FromHexString((string)o["unlockhash"]!)),
        }).ToArray();
        var genesis = new Block { Timestamp = (ulong)vector["timestamp"]!, Transactions = [new Transaction { SiafundOutputs = outputs }] };

        Assert.That(genesis.Id.ToString(), Is.EqualTo((string)vector["genesisId"]!));
    }

    [Test]
    public void MainnetBlockOneFromItsJson()
    {
        const string json = """
            {"height":1,"id":"0000000018492dfe2a1b2da6ca3534a757796573f84f0eb0eb5f88d75cd10f9f",
             "minerpayouts":[{"unlockhash":"68a0607b15f21ce643bb47075e539b9e938d7a8e0870951a3c872a2d89ae05194ee3a0f18680","value":"299999000000000000000000000000"}],
             "nonce":[253,253,0,0,0,0,0,100],"parentid":"25f6e3b9295a61f69fcb956aca9f0076234ecf2e02d399db5448b6e22f26e81c","timestamp":1433626546,
             "transactions":[{"siacoininputs":[],"siacoinoutputs":[],"filecontracts":[],"filecontractrevisions":[],"storageproofs":[],
               "siafundinputs":[],"siafundoutputs":[],"minerfees":[],"arbitrarydata":["Tm9uU2lhQ9ikb2Lc6jDRfLhhjPflTQ=="],"transactionsignatures":[]}]}
            """;
        var block = SiaJson.Deserialize<Block>(json);

        Assert.That(block.Id.ToString(), Is.EqualTo("0000000018492dfe2a1b2da6ca3534a757796573f84f0eb0eb5f88d75cd10f9f"));
        // The 2015 miner wrote "NonSia" unpadded before its random bytes, unlike today's 16-byte specifier.
        Assert.That(block.Transactions[0].ArbitraryData[0].AsSpan(0, 6).SequenceEqual("NonSia"u8), Is.True);
    }

    [Test]
    public void EmptyTransactionId() =>
        Assert.That(new Transaction().Id.ToString(), Is.EqualTo("b3633a1370a72002ae2a956d21e8d481c3a69e146633470cf625ecd83fdeaa24"));

    [TestCase("ad08d551ab7116b8c2285de81ffa528ef3679f9e242c3f551b560a60ab9763db", "80f637df83a93a6916d1b5c8bdbb061f967fb9fe8fe51ef4d97eeec73c6bfc394771e4a04f42")]
    [TestCase("18ac9c05b0c5e7c62859812b943572429cda178aa3df92697569b8984c603b4c", "99a27a168bdde2e9c59bc967f6c662e3db0b2cf13da26ddae26004fa19c61d3db017dca7d0d3")]
    [TestCase("2b36cc860796f2e8a1990b437f46a4b905840e6ba41ba5f68fe2b8ebe23626af", "128151658b256d0185f3f91504758349a96e73c1a68a39c7ff7bf9d0e416997c964d773858ce")]
    [TestCase("a3e3c2f3493a079d3dfe69681bf878c59337e3d1c79d17a34e3da81f062bbe21", "1f47d453cfd7369bce4034d3ab461feb2a4d073bf59c959225993d00e38d71a8fea7c57cd3f1")]
    [TestCase("cd46b523d2ee92f205a00726d8544094bb4fe58142ecffd20ea32b37b6e6bfc3", "8fb49ccf17dfdcc9526dec6ee8a5cca20ff8247302053d3777410b9b0494ba8cdf32abee86f0")]
    public void StandardAddressOfKey(string publicKeyHex, string address)
    {
        var unlockHash = UnlockConditions.Standard(Convert.FromHexString(publicKeyHex)).UnlockHash();

        Assert.That(unlockHash.ToString(), Is.EqualTo(address));
        Assert.That(UnlockHash.Parse(address), Is.EqualTo(unlockHash));
    }

    [Test]
    public void WholeSigHashWithFoundationReplayPrefix()
    {
        using var key = Ed25519.ImportSeed(Convert.FromHexString("88d73af82d1e4e61806f52cc2be9df6f6e1d499d3419f2608310bb16e86b11cd"));
        var parent = Hash256.Parse("200bd724a6ae87005cd7b3124ae5349addc2d5d8db2fe1cdfb54f80245fc2575");
        var transaction = new Transaction
        {
            SiacoinInputs = [new SiacoinInput { ParentId = parent, UnlockConditions = UnlockConditions.Standard(Ed25519.PublicKeyOf(key)) }],
            SiacoinOutputs = [new SiacoinOutput { Value = new Currency(67856467336433871), UnlockHash = UnlockHash.Void }],
            TransactionSignatures = [new TransactionSignature { ParentId = parent, CoveredFields = CoveredFields.Whole }],
        };

        var hash = SigHash.Compute(transaction, 0, [0x01]);

        Assert.That(hash.ToString(), Is.EqualTo("a4b1855c546db7ec902237f730717faae96187db8ce9fe139504323a639f731e"));
        Assert.That(hash, Is.EqualTo(SigHash.Compute(transaction, 0, ChainRules.Siad15Dev, 100)));
    }

    [Test]
    public void SpecialAddresses()
    {
        Assert.That(UnlockHash.Void.ToString(), Is.EqualTo("000000000000000000000000000000000000000000000000000000000000000089eb0d6a8a69"));
        Assert.That(new UnlockConditions().UnlockHash().ToString(), Is.EqualTo("10628d8f8233d6a5afe65df26e6f82d61cbb8e7083056a061ce30705ec68dffb2c54c1371025"));
    }

    [Test]
    public void MerkleRoots()
    {
        var one = new MerkleTree();
        one.AddLeaf("a"u8);
        var three = new MerkleTree();
        three.AddLeaf("a"u8);
        three.AddLeaf("b"u8);
        three.AddLeaf("c"u8);

        Assert.That(one.Root().ToString(), Is.EqualTo("7234082e1dd0b5ec0acd71875d61c9f374af30c100bc4de7aa4eb3f15bbed686"));
        Assert.That(three.Root().ToString(), Is.EqualTo("17321db51c1ef3ec1f77e271aa300b4e5c6091708bcba37e46025774a26142ee"));
    }

    /// <summary>core-rs test_file_contract_tax (post-fork values).</summary>
    [TestCase("0", "0")]
    [TestCase("2", "0")]
    [TestCase("340282366920938463463374607431768211455", "13271012309916600075071609689838960000")]
    [TestCase("595540520000000000000000000000000", "23226080280000000000000000000000")]
    [TestCase("103983762872653413852682180916164570605", "4055366752033483140254605055730410000")]
    [TestCase("3827764528000000000000000000000000", "149282816592000000000000000000000")]
    [TestCase("269364173205837265395254441592734706401", "10505202755027653350414923222116650000")]
    public void ContractTax(string payout, string tax) =>
        Assert.That(ChainRules.Siad15Dev.Tax(11, Currency.Parse(payout)), Is.EqualTo(Currency.Parse(tax)));
}
