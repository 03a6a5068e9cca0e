using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>SIAD.md §11.1: hashes of encodings from siad's own Go tests (types/encoding_test.go).</summary>
[Category("Vectors")]
public sealed class SiadEncodingVectorTests
{
    private static readonly Hash256 OneTwoThree = new([1, 2, 3, .. new byte[29]]);

    private static string HashOf<T>(T value) where T : ISiaObject<T> => Blake2b.Hash(SiaEncoding.Encode(value)).ToString();

    [Test]
    public void ZeroTransaction() =>
        Assert.That(HashOf(new Transaction()), Is.EqualTo("143aa0da2b6a4ca39eee3ee50a6536d75eedff3b5ef0229a6d603afa7854d5b8"));

    [Test]
    public void TransactionWithOneZeroElementInEveryList()
    {
        var transaction = new Transaction
        {
            SiacoinInputs = [new SiacoinInput()],
            SiacoinOutputs = [new SiacoinOutput()],
            FileContracts = [new FileContract()],
            FileContractRevisions = [new FileContractRevision()],
            StorageProofs = [new StorageProof()],
            SiafundInputs = [new SiafundInput()],
            SiafundOutputs = [new SiafundOutput()],
            MinerFees = [Currency.Zero],
            ArbitraryData = [Array.Empty<byte>()],
            TransactionSignatures = [new TransactionSignature()],
        };

        Assert.That(HashOf(transaction), Is.EqualTo("a6c0f41cb89aaede0682ab06c1e757e12d662a0156ec878f85b935bc219fb3ca"));
    }

    [Test]
    public void SiacoinInputs()
    {
        Assert.That(HashOf(new SiacoinInput()), Is.EqualTo("2f806f905436dc7c5079ad8062467266e225d8110a3c58d17628d609cb1c99d0"));
        Assert.That(HashOf(new SiacoinInput { ParentId = OneTwoThree }), Is.EqualTo("f172a8f5892bb2b63eff32de6fd83c132be5ad134d1227d8881632bd809ae075"));
    }

    [Test]
    public void SiacoinOutputs()
    {
        Assert.That(HashOf(new SiacoinOutput()), Is.EqualTo("4a1931803561f431decab002e7425f0a8531d5e456a1a47fd9998a2530c0f800"));
        Assert.That(HashOf(new SiacoinOutput { UnlockHash = new UnlockHash(OneTwoThree) }), Is.EqualTo("32fb94ae64201f3e0a373947382367666bcf205d47a58ece9260c459986ae6fd"));
    }

    [Test]
    public void SiafundInputs()
    {
        Assert.That(HashOf(new SiafundInput()), Is.EqualTo("978a948b1a92bcddcea382bafc7718a25f8cc49b8fb11db5d9159afa960cf70a"));
        var input = new SiafundInput
        {
            ParentId = OneTwoThree,
            UnlockConditions = new UnlockConditions { Timelock = 1, SignaturesRequired = 3 },
            ClaimUnlockHash = new UnlockHash(OneTwoThree),
        };
        Assert.That(HashOf(input), Is.EqualTo("1a6781ca002262e1def98e294f86dd81f866e2db9029954c64a36d20d0c6b46f"));
    }

    [Test]
    public void SiafundOutputs()
    {
        Assert.That(HashOf(new SiafundOutput()), Is.EqualTo("df69a516de12056d0895fdea7a0274c5aba67091543238670513104c1af69c1f"));
        var output = new SiafundOutput { UnlockHash = new UnlockHash(OneTwoThree), ClaimStart = new Currency(4) };
        Assert.That(HashOf(output), Is.EqualTo("9524d2250b21adc76967e9f86d26a68982727329e5c42a6bf5e62504891a5176"));
    }

    [Test]
    public void CoveredFieldsVectors()
    {
        Assert.That(HashOf(new CoveredFields()), Is.EqualTo("aecfdceb8b630b5b00668d229221f876b3be1630703c4615a642db2c666b4fd7"));
        var covered = new CoveredFields
        {
            WholeTransaction = true,
            SiacoinInputs = [0], SiacoinOutputs = [1], FileContracts = [2], FileContractRevisions = [3], StorageProofs = [4],
            SiafundInputs = [5], SiafundOutputs = [6], MinerFees = [7], ArbitraryData = [8], TransactionSignatures = [9, 10],
        };
        Assert.That(HashOf(covered), Is.EqualTo("5b10cd6b50b09447aae02829643e62b513ce99b969a80aeb620f74e77ca9bbba"));
    }

    [Test]
    public void PublicKeysAndUnlockConditions()
    {
        const string zeroKeyHash = "19ea4a516c66775ea1f648d71f6b8fa227e8b0c1a0c9203f82c33b89c4e759b5";
        var zeroKey = new SiaPublicKey(default, []);
        Assert.That(HashOf(zeroKey), Is.EqualTo(zeroKeyHash));
        Assert.That(HashOf(new UnlockConditions()), Is.EqualTo(zeroKeyHash));
        Assert.That(HashOf(new SiaPublicKey(new Specifier([1, 2, 3, .. new byte[13]]), [4, 5, 6])),
            Is.EqualTo("9c781bbeebc23a1885d00e778c358f0a4bc81a82b48191449129752a380adc03"));
        Assert.That(HashOf(new UnlockConditions { Timelock = 1, PublicKeys = [zeroKey], SignaturesRequired = 3 }),
            Is.EqualTo("164d3741bd274d5333ab1fe8ab641b9d25cb0e0bed8e1d7bc466b5fffc956d96"));
    }

    [Test]
    public void TransactionSignatures()
    {
        Assert.That(HashOf(new TransactionSignature()), Is.EqualTo("5801097b0ae98fe7cedd4569afc11c0a433f284681ad4d66dd7181293f6d2bba"));
        var signature = new TransactionSignature { ParentId = OneTwoThree, PublicKeyIndex = 4, Timelock = 5, Signature = [6, 7, 8] };
        Assert.That(HashOf(signature), Is.EqualTo("a3ce36fd8e1d6b7e5b030cdc2630d24a44472072bbd06e94d32d11132d817db0"));
    }

    [Test]
    public void PublicKeyStringAndJsonForms()
    {
        Assert.That(SiaPublicKey.Ed25519(new byte[32]).ToString(), Is.EqualTo("ed25519:0000000000000000000000000000000000000000000000000000000000000000"));

        var fromObject = SiaJson.Deserialize<SiaPublicKey>("""{"algorithm":"ed25519","key":"5GhilFqVBKtSCedCZc6TIthzxvyBH9gPqqf+Z9hsfBo="}""");
        var fromString = SiaJson.Deserialize<SiaPublicKey>("\"ed25519:e46862945a9504ab5209e74265ce9322d873c6fc811fd80faaa7fe67d86c7c1a\"");
        Assert.That(fromObject, Is.EqualTo(fromString));
        Assert.That(SiaJson.Serialize(fromString), Is.EqualTo("""{"algorithm":"ed25519","key":"5GhilFqVBKtSCedCZc6TIthzxvyBH9gPqqf+Z9hsfBo="}"""));
    }
}
