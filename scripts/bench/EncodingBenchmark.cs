using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Bench;

/// <summary>Encode, decode and transaction-ID throughput over a realistic mix, plus Ed25519 sign/verify rates.</summary>
internal static class EncodingBenchmark
{
    public static int Run(TimeSpan duration)
    {
        var mix = RealisticMix(seed: 1, count: 1000);
        var encoded = mix.Select(SiaEncoding.Encode).ToArray();
        var averageSize = encoded.Average(e => e.Length);
        Console.WriteLine($"Sia encoding: {mix.Length} transactions (payments, announcements, contracts, revisions), average {averageSize:N0} B, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var encoder = new SiaEncoder(64 * 1024);
        Measure.Print("encode (transactions/s)", Measure.Rate(duration, mix.Length, () =>
        {
            foreach (var transaction in mix)
            {
                encoder.Reset();
                transaction.EncodeTo(encoder);
            }
        }));
        Measure.Print("decode (transactions/s)", Measure.Rate(duration, encoded.Length, () =>
        {
            foreach (var bytes in encoded)
            {
                SiaEncoding.Decode<Transaction>(bytes);
            }
        }));
        Measure.Print("transaction ID (transactions/s)", Measure.Rate(duration, mix.Length, () =>
        {
            foreach (var transaction in mix)
            {
                _ = transaction.Id;
            }
        }));
        var block = new Block { Transactions = mix[..100] };
        Measure.Print("block ID, 100 transactions (blocks/s)", Measure.Rate(duration, 1, () => _ = block.Id));

        using var key = Ed25519.ImportSeed(new byte[32]);
        var publicKey = Ed25519.PublicKeyOf(key);
        var message = new byte[32];
        var signature = Ed25519.Sign(key, message).ToArray();
        Measure.Print("Ed25519 sign (signatures/s)", Measure.Rate(duration, 100, () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Ed25519.Sign(key, message);
            }
        }));
        Measure.Print("Ed25519 verify (signatures/s)", Measure.Rate(duration, 100, () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Ed25519.Verify(publicKey, message, signature);
            }
        }));
        var signed = TransactionSigner.Sign(mix[0], 0, key, ChainRules.Siad15Dev, 200);
        Measure.Print("SigHash + sign, whole transaction (txns/s)", Measure.Rate(duration, 100, () =>
        {
            for (var i = 0; i < 100; i++)
            {
                TransactionSigner.Sign(mix[0], 0, key, ChainRules.Siad15Dev, 200);
            }
        }));
        _ = signed;
        return 0;
    }

    /// <summary>What a chain mostly carries: 1-in/2-out payments, arbitrary-data announcements, a few contracts and revisions.</summary>
    private static Transaction[] RealisticMix(int seed, int count)
    {
        var random = new Random(seed);
        Hash256 Hash() => new(Bytes(32));
        byte[] Bytes(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        UnlockConditions Standard() => UnlockConditions.Standard(Bytes(32));
        SiacoinOutput Output() => new() { Value = new Currency((UInt128)random.NextInt64() * 1_000_000_000_000), UnlockHash = new UnlockHash(Hash()) };
        TransactionSignature Whole(Hash256 parent) => new() { ParentId = parent, CoveredFields = CoveredFields.Whole, Signature = Bytes(64) };

        return Enumerable.Range(0, count).Select(i =>
        {
            var parent = Hash();
            var input = new SiacoinInput { ParentId = parent, UnlockConditions = Standard() };
            return (i % 10) switch
            {
                < 6 => new Transaction { SiacoinInputs = [input], SiacoinOutputs = [Output(), Output()], MinerFees = [Output().Value], TransactionSignatures = [Whole(parent)] },
                < 8 => new Transaction { SiacoinInputs = [input], SiacoinOutputs = [Output()], MinerFees = [Output().Value], ArbitraryData = [[.. Specifier.NonSia.ToBytes(), .. Bytes(1200)]], TransactionSignatures = [Whole(parent)] },
                8 => new Transaction
                {
                    SiacoinInputs = [input], SiacoinOutputs = [Output()], MinerFees = [Output().Value], TransactionSignatures = [Whole(parent)],
                    FileContracts = [new FileContract { WindowStart = 1000, WindowEnd = 1144, Payout = Output().Value, ValidProofOutputs = [Output(), Output()], MissedProofOutputs = [Output(), Output()], UnlockHash = new UnlockHash(Hash()) }],
                },
                _ => new Transaction
                {
                    FileContractRevisions = [new FileContractRevision { ParentId = parent, UnlockConditions = new UnlockConditions { PublicKeys = [SiaPublicKey.Ed25519(Bytes(32)), SiaPublicKey.Ed25519(Bytes(32))], SignaturesRequired = 2 }, NewRevisionNumber = 7, NewWindowStart = 1000, NewWindowEnd = 1144, NewValidProofOutputs = [Output(), Output()], NewMissedProofOutputs = [Output(), Output()], NewUnlockHash = new UnlockHash(Hash()) }],
                    TransactionSignatures = [new TransactionSignature { ParentId = parent, CoveredFields = CoveredFields.FirstRevision, Signature = Bytes(64) }, new TransactionSignature { ParentId = parent, PublicKeyIndex = 1, CoveredFields = CoveredFields.FirstRevision, Signature = Bytes(64) }],
                },
            };
        }).ToArray();
    }
}
