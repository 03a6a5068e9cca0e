using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>
/// Hostile input: truncated, oversized, mutated, trailing-garbage and random bytes through every decoder must end
/// in a decoded value or a <see cref="SiaDecodingException"/> — nothing else — and never allocate far beyond the input.
/// </summary>
[Category("Unit")]
public sealed class DecoderFuzzTests
{
    private const int Iterations = 100_000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    private delegate void Decode(ReadOnlySpan<byte> data);

    private static readonly (string Name, Decode Decode)[] Decoders =
    [
        ("Transaction", d => SiaEncoding.Decode<Transaction>(d)),
        ("Block", d => SiaEncoding.Decode<Block>(d)),
        ("BlockHeader", d => SiaEncoding.Decode<BlockHeader>(d)),
        ("FileContract", d => SiaEncoding.Decode<FileContract>(d)),
        ("FileContractRevision", d => SiaEncoding.Decode<FileContractRevision>(d)),
        ("StorageProof", d => SiaEncoding.Decode<StorageProof>(d)),
        ("TransactionSignature", d => SiaEncoding.Decode<TransactionSignature>(d)),
        ("CoveredFields", d => SiaEncoding.Decode<CoveredFields>(d)),
        ("UnlockConditions", d => SiaEncoding.Decode<UnlockConditions>(d)),
        ("SiacoinOutput", d => SiaEncoding.Decode<SiacoinOutput>(d)),
        ("SiafundInput", d => SiaEncoding.Decode<SiafundInput>(d)),
        ("SiafundOutput", d => SiaEncoding.Decode<SiafundOutput>(d)),
        ("Currency", d => SiaEncoding.Decode<Currency>(d)),
        ("SiaPublicKey", d => SiaEncoding.Decode<SiaPublicKey>(d)),
        ("HostAnnouncement", d => HostAnnouncement.TryDecode(d, out _)),
    ];

    [Test]
    public void EveryDecoderSurvivesRandomAndMutatedInput()
    {
        var random = new Random(Seed);
        var generator = new RandomTransactions(Seed);
        var valid = Enumerable.Range(0, 64).Select(_ => SiaEncoding.Encode(generator.Next())).ToArray();
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(random, valid[random.Next(valid.Length)]);
            var (name, decode) = Decoders[i % Decoders.Length];
            var before = GC.GetAllocatedBytesForCurrentThread();
            string outcome;
            try
            {
                decode(input);
                outcome = "decoded";
            }
            catch (SiaDecodingException)
            {
                outcome = "rejected";
            }
            catch (Exception e)
            {
                Assert.Fail($"{name} threw {e.GetType().Name} on input {i} (seed {Seed}): {e.Message}\n{Convert.ToHexString(input)}");
                return;
            }

            // Decoded objects cost a bounded multiple of their bytes; a length prefix never buys a big allocation.
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(allocated, Is.LessThan(64 * 1024 + 200L * input.Length), $"{name} allocated {allocated} B for {input.Length} B (input {i}, seed {Seed})");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.That(outcomes.GetValueOrDefault("decoded"), Is.GreaterThan(1000), "mutations should keep some inputs valid");
        Assert.That(outcomes.GetValueOrDefault("rejected"), Is.GreaterThan(10_000));
    }

    [Test]
    public void HugeLengthPrefixIsRejectedBeforeAllocating()
    {
        byte[] input = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3];
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<SiaDecodingException>(() => SiaEncoding.Decode<Transaction>(input));

        Assert.That(error!.Message, Does.Contain("exceeds"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(16 * 1024));
    }

    [Test]
    public void TrailingBytesAreRejected()
    {
        byte[] encoded = [.. SiaEncoding.Encode(new Transaction()), 0];

        Assert.That(() => SiaEncoding.Decode<Transaction>(encoded), Throws.TypeOf<SiaDecodingException>().With.Message.Contains("trailing"));
    }

    [Test]
    public void EveryTruncationOfAValidTransactionIsRejected()
    {
        var encoded = SiaEncoding.Encode(new RandomTransactions(Seed).Next() with { MinerFees = [Currency.OneSiacoin] });
        for (var length = 0; length < encoded.Length; length++)
        {
            Assert.That(SiaEncoding.TryDecode<Transaction>(encoded.AsSpan(0, length), out _, out var error), Is.False, $"prefix of {length} bytes");
            Assert.That(error, Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public void OversizedInputIsRejectedByTheCallersCap()
    {
        var encoded = SiaEncoding.Encode(new Transaction { ArbitraryData = [new byte[Transaction.MaxStandardSize]] });

        Assert.That(SiaEncoding.TryDecode<Transaction>(encoded, out _, out var error, Transaction.MaxStandardSize), Is.False);
        Assert.That(error, Does.Contain("exceeds the limit"));
    }

    [Test]
    public void BadBooleanAndOverlongCurrencyAreRejected()
    {
        var coveredFields = new byte[CoveredFields.MinEncodedSize];
        coveredFields[0] = 2;
        byte[] seventeenByteCurrency = [17, 0, 0, 0, 0, 0, 0, 0, .. Enumerable.Repeat((byte)1, 17)];

        Assert.That(() => SiaEncoding.Decode<CoveredFields>(coveredFields), Throws.TypeOf<SiaDecodingException>().With.Message.Contains("boolean"));
        Assert.That(() => SiaEncoding.Decode<Currency>(seventeenByteCurrency), Throws.TypeOf<SiaDecodingException>().With.Message.Contains("128 bits"));
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        switch (random.Next(6))
        {
            case 0:
                return RandomBytes(random, random.Next(0, 300));
            case 1:
                return valid[..random.Next(0, valid.Length)];
            case 2:
                return [.. valid, .. RandomBytes(random, random.Next(1, 16))];
            case 3:
            {
                // Overwrite 8 bytes with a huge little-endian length somewhere.
                var copy = (byte[])valid.Clone();
                var at = random.Next(0, Math.Max(1, copy.Length - 8));
                BitConverter.TryWriteBytes(copy.AsSpan(at), random.Next(2) == 0 ? ulong.MaxValue : (ulong)random.NextInt64(1, 1L << 40));
                return copy;
            }

            case 4:
                return valid;
            default:
            {
                var copy = (byte[])valid.Clone();
                for (var flips = random.Next(1, 4); flips > 0 && copy.Length > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
