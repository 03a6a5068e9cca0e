using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Bench;

/// <summary>
/// Fills a fresh data directory's catalogue the way production does: synthetic blocks of signed offer announcements go
/// through the real <see cref="CatalogueSubscriber"/> (decode, signature check, limits, SQL) inside follower-style
/// transactions that also move the checkpoint. Only the fetch from siad is skipped. Probe state is then written to the
/// prober's summary table directly (one row per probed provider), since probing 100,000 URLs is not what is measured.
/// </summary>
internal static class ApiCatalogueFill
{
    public const int ProvidersPerBlock = 100;
    private const int BlocksPerTransaction = 50;

    public static readonly string[] Locations =
        ["be-gen-1", "ch-zrh-1", "us-nyc-1", "nl-ams-1", "de-fra-1", "uk-lon-1", "fr-par-1", "sg-sin-1", "ca-tor-1", "au-syd-1"];

    private static readonly string[] Images = ["Ubuntu 22.04", "Ubuntu 24.04", "Debian 12", "Windows Server 2022"];

    public static TimeSpan Fill(string dataDirectory, int providers)
    {
        var watch = Stopwatch.StartNew();
        var database = new SidecarDatabase(Options.Create(new SidecarOptions { DataDirectory = dataDirectory }));
        Directory.CreateDirectory(dataDirectory);
        using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddMetrics()
            .AddSingleton<DiscoveryMetrics>().AddSingleton<CatalogueChanges>().AddSingleton<CatalogueSubscriber>().BuildServiceProvider();
        new DatabaseMigrator(database, services.GetRequiredService<ILogger<DatabaseMigrator>>()).Migrate();
        var subscriber = services.GetRequiredService<CatalogueSubscriber>();

        var genesis = new Block { Timestamp = 1_700_000_000 };
        var entries = SignOffers(genesis.Id, providers);
        var blocks = new List<ChainBlock> { new(0, genesis.Id, genesis) };
        for (var start = 0; start < providers; start += ProvidersPerBlock)
        {
            var block = new Block
            {
                ParentId = blocks[^1].Id,
                Timestamp = genesis.Timestamp + (ulong)blocks.Count * 600,
                Transactions = entries.Skip(start).Take(ProvidersPerBlock)
                    .Select((e, i) => new Transaction { ArbitraryData = [e], MinerFees = [new Currency((ulong)i + 1)] }).ToArray(),
            };
            blocks.Add(new ChainBlock((ulong)blocks.Count, block.Id, block));
        }

        Console.WriteLine($"  signed {providers:N0} offers in {blocks.Count:N0} blocks ({watch.Elapsed.TotalSeconds:F1} s)");
        var applied = Stopwatch.StartNew();
        using (var connection = database.Open())
        {
            // Bench-only: a page cache big enough for the whole catalogue's indexes (random provider keys touch every page).
            using (var pragma = connection.Command(null, "PRAGMA cache_size=-1048576; PRAGMA synchronous=OFF"))
            {
                pragma.ExecuteNonQuery();
            }

            foreach (var batch in blocks.Chunk(BlocksPerTransaction))
            {
                using var transaction = connection.BeginTransaction();
                foreach (var block in batch)
                {
                    subscriber.Apply(block, subscriber.Prepare(block), transaction);
                    ChainCheckpoint.Push(transaction, block.Height, block.Block, block.Id);
                }

                subscriber.BeforeCommit(transaction);
                transaction.Commit();
                subscriber.Committed();
            }

            Console.WriteLine($"  applied through CatalogueSubscriber ({applied.Elapsed.TotalSeconds:F1} s)");
            WriteHealth(connection);
            using var count = connection.Command(null, "SELECT COUNT(*) FROM providers");
            var stored = (long)count.ExecuteScalar()!;
            if (stored != providers)
            {
                throw new InvalidOperationException($"the catalogue holds {stored} providers, expected {providers}");
            }
        }

        return watch.Elapsed;
    }

    /// <summary>Signed offer entries, in parallel (Ed25519 signing is the expensive part of building them).</summary>
    private static byte[][] SignOffers(Hash256 network, int providers)
    {
        var entries = new byte[providers][];
        Parallel.For(0, providers, n =>
        {
            var key = Ed25519.ImportSeed(Blake2b.Hash(BitConverter.GetBytes(n + 1_000_000)).ToArray());
            entries[n] = AnnouncementCodec.Sign(Offer(key, network, n), key);
        });
        return entries;
    }

    /// <summary>1–3 of 10 locations, 1–4 sizes each, prices spread from about 5 mS to 1 SC an hour, 1–3 images.</summary>
    private static Announcement Offer(NSec.Cryptography.Key key, Hash256 network, int n)
    {
        var random = new Random(n);
        var perVcpu = random.Next(5, 40);
        var perGiB = random.Next(1, 8);
        var first = random.Next(Locations.Length);
        var locations = Enumerable.Range(0, random.Next(1, 4)).Select(l => Locations[(first + l * 3) % Locations.Length]).ToArray();
        return new Announcement
        {
            Network = network,
            ProviderKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
            Sequence = 1,
            ExpiryHeight = 10_000_000,
            Offer = new Offer
            {
                ApiUrl = $"https://g8-{n}.provider{n % 997}.example",
                ChannelKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
                Capacity = new Capacity((ulong)random.Next(16, 512), (ulong)random.Next(64, 2048) * 1024, (ulong)random.Next(10, 500)),
                Locations = locations.Select(code => new OfferLocation(code,
                    Enumerable.Range(1, random.Next(1, 5)).Select(i =>
                    {
                        var vcpus = 1UL << random.Next(0, 5);
                        var memory = vcpus * 1024 * (1UL << random.Next(0, 3));
                        var milli = (ulong)perVcpu * vcpus + (ulong)perGiB * memory / 1024 + (ulong)random.Next(0, 5);
                        return new OfferSize((ulong)i, $"{vcpus}vcpu-{memory / 1024}g", vcpus, memory, [10, 20, 50, 100],
                            Currency.Parse($"{milli} mS"));
                    }).ToArray(),
                    Enumerable.Range(0, random.Next(1, 4)).Select(i => new OfferImage((ulong)i + 1, Images[(n + i) % Images.Length], 10)).ToArray()))
                    .ToArray(),
            },
        };
    }

    /// <summary>What the prober would have found: 90 % probed, of those 5 % offline, 24-hour uptimes spread from 0.5 to 1.</summary>
    private static void WriteHealth(SqliteConnection connection)
    {
        var keys = new List<string>();
        using (var select = connection.Command(null, "SELECT provider_key FROM providers ORDER BY provider_key"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        var random = new Random(7);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.Command(transaction, """
            INSERT INTO provider_health (provider_key, online, last_outcome, last_probe_at, latency_ms, uptime_24h, uptime_7d)
            VALUES ($key, $online, $outcome, $at, $latency, $uptime, $uptime)
            """, ("$key", ""), ("$online", 0), ("$outcome", ""), ("$at", 0L), ("$latency", 0L), ("$uptime", 0.0));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var key in keys.Where(_ => random.Next(10) > 0))
        {
            var online = random.Next(20) > 0;
            insert.Parameters["$key"].Value = key;
            insert.Parameters["$online"].Value = online ? 1 : 0;
            insert.Parameters["$outcome"].Value = online ? "Up" : "Down";
            insert.Parameters["$at"].Value = now - random.Next(60_000);
            insert.Parameters["$latency"].Value = (long)random.Next(5, 300);
            insert.Parameters["$uptime"].Value = Math.Round(0.5 + random.NextDouble() / 2, 3);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
