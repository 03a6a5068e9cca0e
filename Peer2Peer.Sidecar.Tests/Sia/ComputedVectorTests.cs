using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Support.TestKeys;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>SIAD.md §11.3: a payment, a 2-of-2 contract, its revision and a host announcement, byte for byte.</summary>
[Category("Vectors")]
public sealed class ComputedVectorTests
{
    private const string T1NoSignatures = "01000000000000001111111111111111111111111111111111111111111111111111111111111111000000000000000001000000000000006564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c010000000000000002000000000000000c00000000000000033b2e3c9fd0803ce8000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b20b000000000000000422ca8b0a00a425000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000a00000000000000021e19e0c9bab24000000000000000000000";
    private const string T1Signed = "01000000000000001111111111111111111111111111111111111111111111111111111111111111000000000000000001000000000000006564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c010000000000000002000000000000000c00000000000000033b2e3c9fd0803ce8000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b20b000000000000000422ca8b0a00a425000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000a00000000000000021e19e0c9bab240000000000000000000000100000000000000111111111111111111111111111111111111111111111111111111111111111100000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000000000077a37f7101f69d04be2ae5606ead9e44e2505c7323db0ec35c096e0f5bed7cf0d30822465105474dbdf9841b3e8c8399a8dad7e77dd0119d973ccd46a3799505";
    private const string T2Contract = "00000000000000000000000000000000000000000000000000000000000000000000000000000000c800000000000000d2000000000000000c00000000000000033b2e3c9fd0803ce800000002000000000000000c00000000000000031aebaa634f480961000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b202000000000000000c00000000000000031aebaa634f480961000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b26d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf5258710000000000000000";
    private const string Revision1 = "c831447119cf9335e8b9e210889d82d850c3b2ddd8338e5acf82739baab1b361000000000000000002000000000000006564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c6564323535313900000000000000000020000000000000008139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b3940200000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c800000000000000d20000000000000002000000000000000c00000000000000031a17e847807b1bc0000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0a00000000000000d3c21bcecceda1000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b202000000000000000c00000000000000031a17e847807b1bc0000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0a00000000000000d3c21bcecceda1000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b26d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf525871";

    private static readonly UnlockConditions TwoOfTwo = new() { PublicKeys = [PublicA, PublicB], SignaturesRequired = 2 };

    private static Transaction T1() => new()
    {
        SiacoinInputs = [new SiacoinInput { ParentId = Repeat(0x11), UnlockConditions = UnlockConditions.Standard(PublicA) }],
        SiacoinOutputs =
        [
            new SiacoinOutput { Value = Currency.Siacoins(1000), UnlockHash = AddressB },
            new SiacoinOutput { Value = Currency.Siacoins(5), UnlockHash = AddressA },
        ],
        MinerFees = [Currency.Parse("10000000000000000000000")],
        TransactionSignatures = [new TransactionSignature { ParentId = Repeat(0x11), CoveredFields = CoveredFields.Whole }],
    };

    private static FileContract T2Contract_() => new()
    {
        WindowStart = 200,
        WindowEnd = 210,
        Payout = Currency.Siacoins(1000),
        ValidProofOutputs = [new SiacoinOutput { Value = Currency.Siacoins(961), UnlockHash = AddressA }, new SiacoinOutput { UnlockHash = AddressB }],
        MissedProofOutputs = [new SiacoinOutput { Value = Currency.Siacoins(961), UnlockHash = AddressA }, new SiacoinOutput { UnlockHash = AddressB }],
        UnlockHash = TwoOfTwo.UnlockHash(),
    };

    private static Transaction T2() => new()
    {
        SiacoinInputs = [new SiacoinInput { ParentId = Repeat(0x22), UnlockConditions = UnlockConditions.Standard(PublicA) }],
        FileContracts = [T2Contract_()],
        MinerFees = [Currency.Parse("10000000000000000000000")],
    };

    [Test]
    public void KeysAndAddresses()
    {
        Assert.That(Convert.ToHexStringLower(PublicA.Key.Span), Is.EqualTo("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"));
        Assert.That(Convert.ToHexStringLower(PublicB.Key.Span), Is.EqualTo("8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394"));
        Assert.That(AddressA.ToString(), Is.EqualTo("c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b7803c7501a7b"));
        Assert.That(AddressB.ToString(), Is.EqualTo("505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b2d1069bb48bc6"));
        Assert.That(TwoOfTwo.UnlockHash().ToString(), Is.EqualTo("6d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf5258715c9ef0d0f470"));
    }

    [Test]
    public void PaymentTransactionBytesIdsAndSigHashes()
    {
        var transaction = T1();
        var withoutSignatures = new SiaEncoder();
        transaction.EncodeWithoutSignatures(withoutSignatures);

        Assert.That(Convert.ToHexStringLower(withoutSignatures.WrittenSpan), Is.EqualTo(T1NoSignatures));
        Assert.That(transaction.Id.ToString(), Is.EqualTo("759fc5443359b93bfc7bf2047f608c978e6b879a529bfe45d427b5883783c1c1"));
        Assert.That(transaction.SiacoinOutputId(0).ToString(), Is.EqualTo("8d5f1d04d22c2f138f6ed9e1c920fece64ac2ea56a906da7071480db26d2edf3"));
        Assert.That(transaction.SiacoinOutputId(1).ToString(), Is.EqualTo("e213a6da6e9a3e886e6957c802312a3d5e125074d580693163379d5789793fa8"));
        Assert.That(SigHash.Compute(transaction, 0, []).ToString(), Is.EqualTo("bf336025f0d170d380458ecca0bb2ad1a2b58d33673d4b59c3746c52d67aa632"));
        Assert.That(SigHash.Compute(transaction, 0, [0x00]).ToString(), Is.EqualTo("e5fc9778eb0d49a4be18854cb8e95a83ef1eda2ff297fc92f482ccfd345b36dc"));
        Assert.That(SigHash.Compute(transaction, 0, [0x01]).ToString(), Is.EqualTo("cf677ca011db2a271d00ffa299ac05fa40a60154fc71c0beacc4255d27a8cfd8"));
    }

    [Test]
    public void PaymentTransactionSignedUnderFoundationRules()
    {
        using var key = KeyA();
        var signed = TransactionSigner.Sign(T1(), 0, key, ChainRules.Siad15Dev, 100);

        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(signed)), Is.EqualTo(T1Signed));
        Assert.That(signed.Id, Is.EqualTo(T1().Id), "signing must not change the ID");
        Assert.That(SignatureVerifier.Verify(signed, ChainRules.Siad15Dev, 100), Is.Null);
        Assert.That(SignatureVerifier.Verify(signed, ChainRules.Siad15Dev, 99), Is.EqualTo(SignatureVerifier.InvalidSignature), "prefix 0x00 below the Foundation fork");
        Assert.That(SignatureVerifier.Verify(signed, ChainRules.Siad13Dev, 100), Is.EqualTo(SignatureVerifier.InvalidSignature), "1.3.x has no prefix");
        Assert.That(SiaEncoding.Decode<Transaction>(Convert.FromHexString(T1Signed)), Is.EqualTo(signed));
    }

    [Test]
    public void ContractTransactionTaxAndIds()
    {
        var transaction = T2();
        var contractId = transaction.FileContractId(0);

        Assert.That(ChainRules.Siad15Dev.Tax(150, Currency.Siacoins(1000)).ToString(), Is.EqualTo("39000000000000000000000000"));
        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(T2Contract_())), Is.EqualTo(T2Contract));
        Assert.That(transaction.Id.ToString(), Is.EqualTo("3a8b67cbc9deed19d884829c3ca5e0e70b917d332f35265b45a43cdf4c362a21"));
        Assert.That(contractId.ToString(), Is.EqualTo("c831447119cf9335e8b9e210889d82d850c3b2ddd8338e5acf82739baab1b361"));
        Assert.That(SiaIds.StorageProofOutputId(contractId, true, 0).ToString(), Is.EqualTo("a2751ad707e84e2b38f72570a14a29b9eebeb86caf63f77c45e4ed8f08a6b78c"));
        Assert.That(SiaIds.StorageProofOutputId(contractId, true, 1).ToString(), Is.EqualTo("0125d35900ccc685a36d6782d8dd3fc673509a8e4b773b81126ef7d85ee990bc"));
        Assert.That(SiaIds.StorageProofOutputId(contractId, false, 0).ToString(), Is.EqualTo("c08e50d5d1300c88975157a9990959113b867120937f81b1cc595c49a6743ba9"));
    }

    [Test]
    public void RevisionSignedByBothParties()
    {
        var revision = new FileContractRevision
        {
            ParentId = T2().FileContractId(0),
            UnlockConditions = TwoOfTwo,
            NewRevisionNumber = 1,
            NewWindowStart = 200,
            NewWindowEnd = 210,
            NewValidProofOutputs = [new SiacoinOutput { Value = Currency.Siacoins(960), UnlockHash = AddressA }, new SiacoinOutput { Value = Currency.Siacoins(1), UnlockHash = AddressB }],
            NewMissedProofOutputs = [new SiacoinOutput { Value = Currency.Siacoins(960), UnlockHash = AddressA }, new SiacoinOutput { Value = Currency.Siacoins(1), UnlockHash = AddressB }],
            NewUnlockHash = TwoOfTwo.UnlockHash(),
        };
        var transaction = new Transaction
        {
            FileContractRevisions = [revision],
            TransactionSignatures =
            [
                new TransactionSignature { ParentId = revision.ParentId, PublicKeyIndex = 0, CoveredFields = CoveredFields.FirstRevision },
                new TransactionSignature { ParentId = revision.ParentId, PublicKeyIndex = 1, CoveredFields = CoveredFields.FirstRevision },
            ],
        };
        using var keyA = KeyA();
        using var keyB = KeyB();

        var signed = TransactionSigner.SignAll(TransactionSigner.SignAll(transaction, keyA, ChainRules.Siad15Dev, 150), keyB, ChainRules.Siad15Dev, 150);

        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(revision)), Is.EqualTo(Revision1));
        Assert.That(SigHash.Compute(transaction, 0, [0x01]).ToString(), Is.EqualTo("66511021d18469cee68c8ba664dd9e266bbefbb94f3f4615d7897847877b5d44"), "a partial SigHash ignores the height");
        Assert.That(Convert.ToHexStringLower(signed.TransactionSignatures[0].Signature), Is.EqualTo("ff0ead187134f998ffc39bd5d5ce9e4d4f1ca34f851f0e52235f097071be0e5f6cb6cf83c8a945603e3b254a86f5bcc0d44746229a91ef0ad0d5f571fbbaf904"));
        Assert.That(Convert.ToHexStringLower(signed.TransactionSignatures[1].Signature), Is.EqualTo("af048e564bb1f2619cc08af8d91008daf9403678607be0556d7e3f35bc127082674b84e416a61df609565caedcb9a9d4567e6ca27600c3fb9ee30c00705c4f0d"));
        Assert.That(SignatureVerifier.Verify(signed, ChainRules.Siad13Dev, 150), Is.Null);
    }

    [Test]
    public void HostAnnouncementForLoopbackAddress()
    {
        const string expected = "486f7374416e6e6f756e63656d656e74" + "0e00000000000000" + "3132372e302e302e313a39393832"
            + "6564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"
            + "b2592de7b3fb7d6b5dcd3f05c552f087741f031cb947d0452c5a83a1933bad16856b7d6e7dc8c4d1012ffcde30f1592440af1627af193051a17f7e8614161003";
        using var key = KeyA();

        var entry = new HostAnnouncement("127.0.0.1:9982", PublicA).Sign(key);

        Assert.That(entry, Has.Length.EqualTo(158));
        Assert.That(Convert.ToHexStringLower(entry), Is.EqualTo(expected));
        Assert.That(Convert.ToBase64String(entry), Is.EqualTo("SG9zdEFubm91bmNlbWVudA4AAAAAAAAAMTI3LjAuMC4xOjk5ODJlZDI1NTE5AAAAAAAAAAAAIAAAAAAAAACKiOPddAnxlf1S2y08ul1yymcJvx2UEhvzdIgBtA9vXLJZLeez+31rXc0/BcVS8Id0HwMcuUfQRSxag6GTO60WhWt9bn3IxNEBL/zeMPFZJECvFievGTBRoX9+hhQWEAM="));
        Assert.That(HostAnnouncement.TryDecode(entry, out var decoded), Is.True);
        Assert.That(decoded!.NetAddress, Is.EqualTo("127.0.0.1:9982"));
    }
}
