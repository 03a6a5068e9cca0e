using System.Buffers.Binary;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Devnet.Sia.Synthetic;

/// <summary>
/// Grows a chain quickly for benchmarks: every block carries siad's miner arbitrary-data transaction, a signed siacoin
/// transfer between a ring of keys (once payouts have matured), and periodically a host announcement or a NonSia payload.
/// Blocks go through the same validation as mined ones (signatures included); nothing here bypasses consensus.
/// </summary>
public sealed class SyntheticChain
{
    private const int KeyCount = 16;
    private readonly DevnetChain _chain;
    private readonly (Key Key, UnlockConditions Conditions, UnlockHash Address)[] _keys;
    private readonly Queue<(Hash256 Id, Currency Value, int Key)> _spendable = new();
    private readonly Dictionary<ulong, (Hash256 Id, Currency Value, int Key)> _maturing = [];
    private readonly byte[] _seed;
    private ulong _counter;

    public SyntheticChain(DevnetChain chain, int seed = 1)
    {
        _chain = chain;
        _seed = Blake2b.Hash(BitConverter.GetBytes(seed)).ToArray();
        _keys = Enumerable.Range(0, KeyCount).Select(i =>
        {
            var key = Ed25519.ImportSeed(Entropy((ulong)i + 1_000_000));
            var conditions = UnlockConditions.Standard(Ed25519.PublicKeyOf(key));
            return (key, conditions, conditions.UnlockHash());
        }).ToArray();
    }

    /// <summary>
    /// Extra arbitrary data by block height (e.g. signed offer announcements for a scan benchmark); it rides on that
    /// block's transfer, so it needs matured outputs (from about height 12 on). Null or an empty list: nothing extra.
    /// </summary>
    public Func<ulong, IReadOnlyList<byte[]>?>? Payloads { get; set; }

    /// <summary>Appends <paramref name="count"/> blocks to the chain.</summary>
    public void Append(int count, int announceEvery = 100, int payloadEvery = 250)
    {
        var fee = Currency.Siacoins(1) / 1000;
        for (var i = 0; i < count; i++)
        {
            var (tipId, height, tip) = _chain.Read(c => (c.State.TipId, c.State.Height, c.State.Tip));
            var newHeight = height + 1;
            var transactions = new List<Transaction> { MinerTransaction() };
            if (_spendable.TryDequeue(out var input))
            {
                var to = (input.Key + 1 + (int)(newHeight % (KeyCount - 1))) % KeyCount;
                var half = new Currency(input.Value.Hastings / 2);
                var transfer = new Transaction
                {
                    SiacoinInputs = [new SiacoinInput { ParentId = input.Id, UnlockConditions = _keys[input.Key].Conditions }],
                    SiacoinOutputs =
                    [
                        new SiacoinOutput { Value = half, UnlockHash = _keys[to].Address },
                        new SiacoinOutput { Value = input.Value - half - fee, UnlockHash = _keys[input.Key].Address },
                    ],
                    MinerFees = [fee],
                    ArbitraryData = Extra(newHeight, input.Key, announceEvery, payloadEvery),
                    TransactionSignatures = [new TransactionSignature { ParentId = input.Id, CoveredFields = CoveredFields.Whole }],
                };
                transfer = TransactionSigner.Sign(transfer, 0, _keys[input.Key].Key, _chain.Profile.Rules, height);
                transactions.Add(transfer);
                if (half.Hastings > fee.Hastings * 10)
                {
                    _spendable.Enqueue((transfer.SiacoinOutputId(0), half, to));
                    _spendable.Enqueue((transfer.SiacoinOutputId(1), input.Value - half - fee, input.Key));
                }
            }

            var payoutKey = (int)(newHeight % KeyCount);
            var block = new Block
            {
                ParentId = tipId,
                Nonce = 0,
                Timestamp = tip.Timestamp + DevConstants.BlockFrequency,
                MinerPayouts =
                [
                    new SiacoinOutput
                    {
                        Value = DevConstants.Coinbase(newHeight) + Currency.Sum(transactions.SelectMany(t => t.MinerFees)),
                        UnlockHash = _keys[payoutKey].Address,
                    },
                ],
                Transactions = transactions,
            };
            _chain.AcceptBlock(block);
            _maturing[newHeight + DevConstants.MaturityDelay] = (block.MinerPayoutId(0), block.MinerPayouts[0].Value, payoutKey);
            if (_maturing.Remove(newHeight, out var matured))
            {
                _spendable.Enqueue(matured);
            }
        }
    }

    private IReadOnlyList<byte[]> Extra(ulong height, int key, int announceEvery, int payloadEvery)
    {
        if (Payloads?.Invoke(height) is { Count: > 0 } payloads)
        {
            return payloads;
        }

        if (announceEvery > 0 && height % (ulong)announceEvery == 0)
        {
            var host = _keys[(key + 7) % KeyCount];
            return [new HostAnnouncement($"host-{key}.synthetic.test:9982", SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(host.Key))).Sign(host.Key)];
        }

        if (payloadEvery > 0 && height % (ulong)payloadEvery == 0)
        {
            var payload = new byte[16 + 200];
            Specifier.NonSia.CopyTo(payload);
            Entropy(height).CopyTo(payload, 16);
            return [payload];
        }

        return [];
    }

    private Transaction MinerTransaction()
    {
        var marker = new byte[32];
        Specifier.NonSia.CopyTo(marker);
        Entropy(_counter++ + 1UL << 40).AsSpan(0, 16).CopyTo(marker.AsSpan(16));
        return new Transaction { ArbitraryData = [marker] };
    }

    private byte[] Entropy(ulong index)
    {
        var input = new byte[40];
        _seed.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(32), index);
        return Blake2b.Hash(input).ToArray();
    }
}
