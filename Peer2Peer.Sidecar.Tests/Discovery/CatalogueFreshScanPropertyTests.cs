using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>
/// The invariant: after any mix of extensions, reorganizations, restarts and kills mid-batch, the catalogue equals the
/// one a fresh scan from genesis produces.
/// </summary>
[Category("Unit")]
public sealed class CatalogueFreshScanPropertyTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    /// <summary>Kills the process in the middle of a batch: throws at a chosen height, so the whole batch rolls back.</summary>
    private sealed class Kill(ulong height) : IChainSubscriber
    {
        public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
        {
            if (block.Height == height)
            {
                throw new OperationCanceledException("killed");
            }
        }

        public void Revert(ulong h, Hash256 blockId, SqliteTransaction transaction)
        {
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task AfterRandomExtensionsReorganizationsRestartsAndKillsTheCatalogueEqualsAFreshScan(int run)
    {
        var seed = Seed + run;
        var random = new Random(seed);
        using var host = new CatalogueTestHost(blocks: 3);
        var network = host.Network;
        var follower = host.Restart();

        for (var round = 0; round < 80; round++)
        {
            if (random.Next(3) == 0 && host.Siad.TipHeight > 3)
            {
                host.Siad.Rewind(random.Next(1, Math.Min(6, (int)host.Siad.TipHeight - 1)));
            }

            for (var b = random.Next(0, 5); b > 0; b--)
            {
                host.Siad.Extend(1, RandomTransactions(random, network, (int)host.Siad.TipHeight));
            }

            switch (random.Next(5))
            {
                case 0:
                    follower = host.Restart();
                    break;
                case 1:
                    var killAt = host.Siad.TipHeight - (ulong)random.Next(0, 3);
                    try
                    {
                        await host.Restart(new Kill(killAt)).SyncOnceAsync(CancellationToken.None);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    follower = host.Restart();
                    continue;
            }

            if (random.Next(2) == 0)
            {
                await follower.SyncOnceAsync(CancellationToken.None);
            }
        }

        await follower.SyncOnceAsync(CancellationToken.None);
        using var fresh = new CatalogueTestHost();
        await fresh.Chain.Follower(host.Siad, [new Peer2Peer.Sidecar.Discovery.CatalogueSubscriber(fresh.Metrics, new Peer2Peer.Sidecar.Discovery.Catalogue.CatalogueChanges(), Microsoft.Extensions.Logging.Abstractions.NullLogger<Peer2Peer.Sidecar.Discovery.CatalogueSubscriber>.Instance)])
            .SyncOnceAsync(CancellationToken.None);

        var actual = CatalogueTestHost.Snapshot(host.Database);
        var expected = CatalogueTestHost.Snapshot(fresh.Database);
        Assert.That(expected.Count(r => !r.StartsWith("--", StringComparison.Ordinal)), Is.GreaterThan(20), $"the run exercised the catalogue (seed {seed})");
        Assert.That(actual, Is.EqualTo(expected), $"seed {seed} (set P2P_TEST_SEED to replay)");
    }

    private static Transaction[] RandomTransactions(Random random, Hash256 network, int height)
    {
        var transactions = new Transaction[random.Next(0, 3)];
        for (var t = 0; t < transactions.Length; t++)
        {
            var entries = new byte[random.Next(1, 4)][];
            for (var e = 0; e < entries.Length; e++)
            {
                var provider = random.Next(1, 4);
                var sequence = (ulong)random.Next(1, 12);
                entries[e] = random.Next(10) switch
                {
                    0 or 1 or 2 => Offer(provider, sequence, network, expiry: (ulong)(height + random.Next(0, 30)), url: $"https://p{provider}-{sequence}.example.com",
                        hostKey: random.Next(2) == 0 ? Public(10 + provider) : null, price: $"{random.Next(1, 50)} mS"),
                    3 => Withdrawal(provider, sequence, network),
                    4 => Host(10 + random.Next(1, 4), $"h{random.Next(100)}.example.com:9982"),
                    5 => Foreign(random.Next()),
                    6 => Offer(provider, sequence, TestKeys.Repeat(0x43)),
                    7 => Offer(provider, sequence, network)[..^3],
                    _ => Offer(provider, sequence, network, expiry: 1_000_000),
                };
            }

            transactions[t] = new Transaction { ArbitraryData = entries, MinerFees = [new Currency((ulong)random.Next())] };
        }

        return transactions;
    }
}
