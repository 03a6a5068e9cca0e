using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>siad's JSON forms (SIAD.md §2): every Sia type round-trips, and siad's quirks read correctly.</summary>
[Category("Unit")]
public sealed class SiadJsonTests
{
    [Test]
    public void EveryTypeRoundTripsThroughSiadJson()
    {
        var random = new RandomTransactions(7);
        var transactions = Enumerable.Range(0, 200).Select(_ => random.Next()).ToArray();
        Assume.That(transactions.Any(t => t.StorageProofs.Count > 0 && t.FileContractRevisions.Count > 0 && t.SiafundInputs.Count > 0));
        var block = new Block { ParentId = TestKeys.Repeat(9), Nonce = 0x0123456789abcdef, Timestamp = 1_700_000_000, MinerPayouts = transactions[0].SiacoinOutputs, Transactions = transactions };

        var json = SiaJson.Serialize(block);
        var back = SiaJson.Deserialize<Block>(json);

        Assert.That(SiaEncoding.Encode(back), Is.EqualTo(SiaEncoding.Encode(block)));
        Assert.That(back.Id, Is.EqualTo(block.Id));
    }

    [Test]
    public void WritesSiadFieldNamesAndValueForms()
    {
        var proof = new StorageProof { ParentId = TestKeys.Repeat(1), Segment = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray(), HashSet = [TestKeys.Repeat(2)] };
        var transaction = new Transaction
        {
            SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(3), UnlockConditions = UnlockConditions.Standard(TestKeys.PublicA) }],
            SiacoinOutputs = [new SiacoinOutput { Value = Currency.OneSiacoin, UnlockHash = TestKeys.AddressB }],
            StorageProofs = [proof],
            ArbitraryData = [[1, 2, 3]],
            TransactionSignatures = [new TransactionSignature { ParentId = TestKeys.Repeat(3), CoveredFields = CoveredFields.Whole, Signature = [9] }],
        };

        var json = JObject.Parse(SiaJson.Serialize(transaction));

        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "siacoininputs", "siacoinoutputs", "filecontracts", "filecontractrevisions", "storageproofs", "siafundinputs",
            "siafundoutputs", "minerfees", "arbitrarydata", "transactionsignatures",
        }));
        Assert.That((string)json["siacoinoutputs"]![0]!["value"]!, Is.EqualTo("1000000000000000000000000"));
        Assert.That((string)json["siacoinoutputs"]![0]!["unlockhash"]!, Is.EqualTo(TestKeys.AddressB.ToString()));
        Assert.That(json["siacoininputs"]![0]!["unlockconditions"]!["publickeys"]![0]!["algorithm"]!.ToString(), Is.EqualTo("ed25519"));
        Assert.That(json["storageproofs"]![0]!["segment"]!.Values<int>(), Is.EqualTo(Enumerable.Range(0, 64)));
        Assert.That((string)json["arbitrarydata"]![0]!, Is.EqualTo("AQID"));
        Assert.That((string)json["transactionsignatures"]![0]!["signature"]!, Is.EqualTo("CQ=="));
        Assert.That((bool)json["transactionsignatures"]![0]!["coveredfields"]!["wholetransaction"]!, Is.True);
    }

    [Test]
    public void NullListsReadAsEmpty()
    {
        const string json = """
            {"siacoininputs":null,"siacoinoutputs":null,"filecontracts":null,"filecontractrevisions":null,"storageproofs":null,
             "siafundinputs":null,"siafundoutputs":null,"minerfees":null,"arbitrarydata":null,
             "transactionsignatures":[{"parentid":"0000000000000000000000000000000000000000000000000000000000000000","publickeyindex":0,"timelock":0,
               "coveredfields":{"wholetransaction":true,"siacoininputs":null,"siacoinoutputs":null,"filecontracts":null,"filecontractrevisions":null,
               "storageproofs":null,"siafundinputs":null,"siafundoutputs":null,"minerfees":null,"arbitrarydata":null,"transactionsignatures":null},
               "signature":null}]}
            """;

        var transaction = SiaJson.Deserialize<Transaction>(json);

        Assert.That(transaction.SiacoinInputs, Is.Empty);
        Assert.That(transaction.TransactionSignatures[0].CoveredFields.TransactionSignatures, Is.Empty);
        Assert.That(SiaEncoding.Encode(transaction), Has.Length.EqualTo(9 * 8 + 8 + TransactionSignature.MinEncodedSize));
    }

    [TestCase("\"abc\"", "wrong length")]
    [TestCase("\"c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b7803c7501a7c\"", "invalid checksum")]
    [TestCase("\"c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b\"", "wrong length")]
    public void BadAddressesGiveSiadsMessage(string json, string message) =>
        Assert.That(() => SiaJson.Deserialize<UnlockHash>(json), Throws.TypeOf<JsonSerializationException>().With.Message.Contains(message));

    [Test]
    public void HashesAcceptUpperCaseAndRefuseBadLength()
    {
        var hash = TestKeys.Repeat(0xab);

        Assert.That(SiaJson.Deserialize<Hash256>($"\"{hash.ToString().ToUpperInvariant()}\""), Is.EqualTo(hash));
        Assert.That(() => SiaJson.Deserialize<Hash256>("\"abcd\""), Throws.TypeOf<JsonSerializationException>().With.Message.Contains("wrong length to be a hash"));
    }

    [Test]
    public void BlockNonceIsEightNumbers()
    {
        var json = JObject.Parse(SiaJson.Serialize(new Block { Nonce = 0x6400000000fdfd }));

        Assert.That(json["nonce"]!.Values<int>(), Is.EqualTo(new[] { 253, 253, 0, 0, 0, 0, 100, 0 }));
    }
}
