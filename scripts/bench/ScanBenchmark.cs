using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet;
using Peer2Peer.Devnet.Sia.Synthetic;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Bench;

/// <summary>
/// The chain scan against the raw fetch it is built on: a synthetic devnet chain filled with offer announcements, fetched
/// once straight through the siad API and once through the sidecar's follower and every subscriber into a fresh database.
/// </summary>
internal static class ScanBenchmark
{
    public static async Task<int> RunAsync(int blocks, int announceEvery, int rounds, bool breakdown, bool inProcess)
    {
        // The thread pool keeps its defaults, as in the sidecar: a pool started 64 threads wide spent a tenth of the
        // two cores spinning and switching, and cost the scan (whose apply loop needs a core of its own) most of all.
        // siad runs in its own process beside the sidecar, so by default the devnet does too (its own GC heap, which
        // holds the whole chain); --in-process keeps both in this process.
        await using var devnet = inProcess ? await BuildChainAsync(blocks, announceEvery) : await DevnetProcess.StartAsync(blocks, announceEvery);
        var (apiUrl, height) = (devnet.Url, devnet.Height);
        Console.WriteLine($"Scan benchmark: {height + 1} blocks with {devnet.Announcements} offer announcements (built in {devnet.Built.TotalSeconds:F1} s), " +
            $"{Environment.ProcessorCount} cores, devnet {(inProcess ? "in this process" : "in its own process")}");

        using var services = Services(apiUrl);
        var api = services.GetRequiredService<ISiadApi>();
        var concurrency = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainFollowerOptions>>().Value.FetchConcurrency;

        // Raw: the same API through the same client (Refit, Newtonsoft into siad's response with Sia types), nothing checked or
        // stored, at the follower's concurrency and at twice it; the faster is the bar. This machine's rates drift by tens
        // of percent between runs, so the stages alternate over a few rounds: each round's ratios compare stages run
        // seconds apart, and their median is the figure; the best of each stage is printed too.
        await FetchAllAsync(api, height, 2 * concurrency);
        var client = services.GetRequiredService<ISiadClient>();
        var subscribers = services.GetServices<IChainSubscriber>().ToArray();
        var results = new List<ScanRound>();
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"round {round} of {rounds}");
            double raw = 0;
            foreach (var inFlight in new[] { concurrency, 2 * concurrency })
            {
                var clock = CpuClock.Start();
                await FetchAllAsync(api, height, inFlight);
                raw = Math.Max(raw, clock.Print($"  raw fetch, {inFlight} requests in flight", height + 1));
            }

            var prepare = CpuClock.Start();
            await FetchAndPrepareAsync(client, subscribers, height, concurrency);
            var floor = prepare.Print("  fetch into Sia types + verify, nothing stored", height + 1);
            var alone = await ScanAsync(apiUrl, height, "  follower alone (checkpoint only)", subscribers: false);
            var scan = await ScanAsync(apiUrl, height, "  scan (follower + all subscribers)", subscribers: true);
            results.Add(new ScanRound(raw, floor, alone, scan));
        }

        if (breakdown)
        {
            await BreakdownAsync(services.GetRequiredService<ISiadClient>(), height, 2 * concurrency, apiUrl);
        }

        if (results.Count > 0)
        {
            Summarize(results);
        }

        return 0;
    }

    /// <summary>One round's rates, blocks/s.</summary>
    private sealed record ScanRound(double Raw, double Floor, double Alone, double Scan);

    private static void Summarize(List<ScanRound> rounds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        void Line(string stage, Func<ScanRound, double> rate)
        {
            var best = rounds.Max(rate);
            var over = Median(rounds.Select(r => (r.Raw / rate(r) - 1) * 100));
            Console.WriteLine($"{stage,-44} best {best,10:N0} blocks/s, {over,5:F1} % over raw (median of {rounds.Count} rounds)");
        }

        Console.WriteLine($"{"raw fetch",-44} best {rounds.Max(r => r.Raw),10:N0} blocks/s");
        Line("fetch + verify, nothing stored (the floor)", r => r.Floor);
        Line("follower alone", r => r.Alone);
        Line("scan", r => r.Scan);
        Console.WriteLine($"{"scan over the floor",-44} {Median(rounds.Select(r => (r.Floor / r.Scan - 1) * 100)),5:F1} % (median of {rounds.Count} rounds)");
    }

    /// <summary>The devnet and its synthetic chain, served until standard input closes (the child side of <see cref="DevnetProcess"/>).</summary>
    public static async Task<int> ServeAsync(int blocks, int announceEvery)
    {
        await using var devnet = await BuildChainAsync(blocks, announceEvery);
        Console.WriteLine(DevnetProcess.Ready(devnet));
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        return 0;
    }

    /// <summary>A one-node devnet grown by <paramref name="blocks"/> synthetic blocks with an offer every <paramref name="announceEvery"/>th.</summary>
    private static async Task<SyntheticDevnet> BuildChainAsync(int blocks, int announceEvery)
    {
        var watch = Stopwatch.StartNew();
        var devnet = await Devnet.Devnet.StartAsync(new DevnetOptions { Nodes = 1, ApiPassword = "bench", StartHeight = 20 });
        var genesis = devnet.Chain.Read(c => c.State.BlockAt(0).Id);
        var providers = Enumerable.Range(0, 1000).Select(i => Ed25519.ImportSeed(Blake2b.Hash(BitConverter.GetBytes(i)).ToArray())).ToArray();
        var announcements = 0;
        var synthetic = new SyntheticChain(devnet.Chain)
        {
            Payloads = height =>
            {
                if (height < 20 || height % (ulong)announceEvery != 0)
                {
                    return null;
                }

                var n = (int)(height / (ulong)announceEvery);
                announcements++;
                return [AnnouncementCodec.Sign(Offer(providers[n % providers.Length], genesis, (ulong)(n / providers.Length) + 1, n), providers[n % providers.Length])];
            },
        };
        synthetic.Append(blocks, announceEvery: 0, payloadEvery: 0);
        return new SyntheticDevnet(devnet.Nodes[0].ApiUrl!.ToString(), devnet.Chain.Height, announcements, watch.Elapsed, devnet);
    }

    /// <summary>A sync from genesis into a fresh database, with every production subscriber or none; returns blocks/s.</summary>
    private static async Task<double> ScanAsync(string apiUrl, ulong height, string name, bool subscribers)
    {
        using var services = Services(apiUrl);
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var follower = subscribers ? services.GetRequiredService<ChainFollower>() : Follower(services, []);
        var clock = CpuClock.Start();
        await follower.SyncOnceAsync(CancellationToken.None);
        var rate = clock.Print(name, height + 1);
        if (subscribers)
        {
            var counts = services.GetRequiredService<Peer2Peer.Sidecar.Discovery.Catalogue.CatalogueQueries>().GetCounts();
            Console.WriteLine($"{"    catalogue after it",-44} {counts.Providers,10:N0} providers, {counts.Accepted:N0} announcements accepted, {counts.Foreign:N0} foreign entries");
        }

        return rate;
    }

    private static ChainFollower Follower(ServiceProvider services, IEnumerable<IChainSubscriber> subscribers) =>
        new(services.GetRequiredService<ISiadClient>(), services.GetRequiredService<SiadConnection>(), services.GetRequiredService<SidecarDatabase>(),
            subscribers, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainFollowerOptions>>(), TimeProvider.System,
            services.GetRequiredService<ILogger<ChainFollower>>());

    /// <summary>
    /// Where the scan's CPU goes, one stage at a time: the client's fetch into Sia types (JSON, conversion, block ID
    /// check), then the follower applying the same blocks from memory, subscriber by subscriber.
    /// </summary>
    private static async Task BreakdownAsync(ISiadClient client, ulong height, int concurrency, string apiUrl)
    {
        var blocks = new ChainBlock[height + 1];
        var cpu = CpuClock.Start();
        await ForEachHeightAsync(height, concurrency, async h => blocks[h] = (await client.GetBlockAsync(h, CancellationToken.None))!);
        cpu.Print("client fetch into Sia types (kept in memory)", (ulong)blocks.Length);

        using var services = Services(apiUrl, new MemorySiad(blocks));
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var timed = services.GetServices<IChainSubscriber>().Select(s => new TimedSubscriber(s)).ToArray();
        var follower = Follower(services, timed);
        cpu = CpuClock.Start();
        await follower.SyncOnceAsync(CancellationToken.None);
        cpu.Print("apply from memory (follower + SQLite)", (ulong)blocks.Length);
        foreach (var subscriber in timed)
        {
            Console.WriteLine($"{$"  of which {subscriber.Name}",-44} {subscriber.PrepareElapsed.TotalMicroseconds / blocks.Length,10:F1} µs/block preparing, " +
                $"{subscriber.Elapsed.TotalMicroseconds / blocks.Length:F1} µs/block applying (wall, one thread)");
        }
    }

    /// <summary>
    /// The least any scan that meets the issue does: each block into Sia types with its ID re-derived, and every
    /// subscriber's preparation (the catalogue's: every entry decoded and every offer's signature checked) on the
    /// fetching tasks (both cores); nothing applied in order, nothing stored.
    /// </summary>
    private static Task FetchAndPrepareAsync(ISiadClient client, IChainSubscriber[] subscribers, ulong height, int concurrency) =>
        ForEachHeightAsync(height, concurrency, async h =>
        {
            var block = (await client.GetBlockAsync(h, CancellationToken.None))!;
            foreach (var subscriber in subscribers)
            {
                subscriber.Prepare(block);
            }
        });

    private static Task FetchAllAsync(ISiadApi api, ulong height, int concurrency) =>
        ForEachHeightAsync(height, concurrency, h => api.GetBlockAsync(h, CancellationToken.None));

    /// <summary>Heights 0..<paramref name="height"/> through <paramref name="concurrency"/> workers, each taking the next height.</summary>
    private static async Task ForEachHeightAsync(ulong height, int concurrency, Func<ulong, Task> fetch)
    {
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var h = Interlocked.Increment(ref next); h <= (long)height; h = Interlocked.Increment(ref next))
            {
                await fetch((ulong)h);
            }
        }));
    }

    private static ServiceProvider Services(string apiUrl, ISiadClient? siad = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "p2p-bench-scan-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sidecar:DataDirectory"] = data,
            ["Siad:ApiUrl"] = apiUrl,
            ["Siad:ApiPassword"] = "bench",
            ["Discovery:ProbeEnabled"] = "false",
        }).AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSidecarHosting().AddSiad().AddKeys().AddChainFollower().AddFunding().AddDiscovery();
        if (siad is not null)
        {
            services.AddSingleton(siad);
        }

        return services.BuildServiceProvider();
    }

    private static Announcement Offer(NSec.Cryptography.Key key, Hash256 network, ulong sequence, int n) => new()
    {
        Network = network,
        ProviderKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
        Sequence = sequence,
        ExpiryHeight = 10_000_000,
        Offer = new Offer
        {
            ApiUrl = $"https://g8-{n % 1000}.provider.example",
            ChannelKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
            Locations =
            [
                new OfferLocation($"loc-{n % 7}",
                    [
                        new OfferSize(1, "small", 1, 1024, [10, 20], Currency.Parse($"{1 + n % 50} mS")),
                        new OfferSize(2, "large", 8, 16384, [40, 100], Currency.Parse($"{20 + n % 90} mS")),
                    ],
                    [new OfferImage(1, "Ubuntu 22.04", 10)]),
            ],
        },
    };
}
