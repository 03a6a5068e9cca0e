using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>Seeded generator of structurally valid transactions that exercise every field and edge value.</summary>
public sealed class RandomTransactions(int seed)
{
    private readonly Random _random = new(seed);

    public Transaction Next()
    {
        var t = new Transaction
        {
            SiacoinInputs = List(0, 3, () => new SiacoinInput { ParentId = Hash(), UnlockConditions = Conditions() }),
            SiacoinOutputs = List(0, 3, Output),
            FileContracts = List(0, 2, () => new FileContract
            {
                FileSize = U64(), FileMerkleRoot = Hash(), WindowStart = U64(), WindowEnd = U64(), Payout = Money(),
                ValidProofOutputs = List(0, 3, Output), MissedProofOutputs = List(0, 3, Output), UnlockHash = Address(), RevisionNumber = U64(),
            }),
            FileContractRevisions = List(0, 2, () => new FileContractRevision
            {
                ParentId = Hash(), UnlockConditions = Conditions(), NewRevisionNumber = U64(), NewFileSize = U64(), NewFileMerkleRoot = Hash(),
                NewWindowStart = U64(), NewWindowEnd = U64(), NewValidProofOutputs = List(0, 3, Output), NewMissedProofOutputs = List(0, 3, Output),
                NewUnlockHash = Address(),
            }),
            StorageProofs = List(0, 1, () => new StorageProof { ParentId = Hash(), Segment = Bytes(64), HashSet = List(0, 3, Hash) }),
            SiafundInputs = List(0, 1, () => new SiafundInput { ParentId = Hash(), UnlockConditions = Conditions(), ClaimUnlockHash = Address() }),
            // core holds siafund values in a u64 and has no claim start.
            SiafundOutputs = List(0, 2, () => new SiafundOutput { Value = new Currency(U64()), UnlockHash = Address() }),
            MinerFees = List(0, 2, Money),
            ArbitraryData = List(0, 2, () => Chance(3) ? [.. Specifier.NonSia.ToBytes(), .. Bytes(_random.Next(0, 40))] : Bytes(_random.Next(0, 80))),
        };

        var signatureCount = _random.Next(0, 4);
        return t with { TransactionSignatures = Enumerable.Range(0, signatureCount).Select(_ => Signature(t, signatureCount)).ToArray() };
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public int NextInt(int max) => _random.Next(max);

    private TransactionSignature Signature(Transaction t, int signatureCount)
    {
        var whole = _random.Next(2) == 0;
        var covered = whole
            ? new CoveredFields { WholeTransaction = true, TransactionSignatures = Indexes(signatureCount) }
            : new CoveredFields
            {
                SiacoinInputs = Indexes(t.SiacoinInputs.Count), SiacoinOutputs = Indexes(t.SiacoinOutputs.Count),
                FileContracts = Indexes(t.FileContracts.Count), FileContractRevisions = Indexes(t.FileContractRevisions.Count),
                StorageProofs = Indexes(t.StorageProofs.Count), SiafundInputs = Indexes(t.SiafundInputs.Count),
                SiafundOutputs = Indexes(t.SiafundOutputs.Count), MinerFees = Indexes(t.MinerFees.Count),
                ArbitraryData = Indexes(t.ArbitraryData.Count), TransactionSignatures = Indexes(signatureCount),
            };
        return new TransactionSignature
        {
            ParentId = Hash(), PublicKeyIndex = Small(), Timelock = Small(), CoveredFields = covered, Signature = Bytes(Chance(4) ? 0 : 64),
        };
    }

    private ulong[] Indexes(int length) => Enumerable.Range(0, length).Where(_ => _random.Next(2) == 0).Select(i => (ulong)i).ToArray();

    private UnlockConditions Conditions() => new()
    {
        Timelock = Small(),
        PublicKeys = List(0, 3, () => new SiaPublicKey(Chance(8) ? Specifier.Entropy : Specifier.Ed25519, Bytes(32))),
        SignaturesRequired = Small(),
    };

    private SiacoinOutput Output() => new() { Value = Money(), UnlockHash = Address() };

    private Hash256 Hash() => Chance(10) ? default : new Hash256(Bytes(32));

    private UnlockHash Address() => new(Hash());

    private Currency Money()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes[(16 - _random.Next(0, 17))..]);
        return new Currency(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    private ulong U64() => _random.Next(4) switch
    {
        0 => 0,
        1 => ulong.MaxValue,
        2 => (ulong)_random.Next(0, 1000),
        _ => (ulong)_random.NextInt64() * 2 + (ulong)_random.Next(2),
    };

    private ulong Small() => Chance(5) ? U64() : (ulong)_random.Next(0, 3);

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private T[] List<T>(int min, int max, Func<T> item) => Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => item()).ToArray();
}
