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
    public static async Task<int> RunAsync(int blocks, int announceEvery)
    {
        // The in-process devnet serves the blocks from this process's thread pool: start it wide, so that neither
        // measurement depends on how many threads the pool happened to have injected by then.
        ThreadPool.SetMinThreads(64, 64);
        var watch = Stopwatch.StartNew();
        await using var devnet = await Devnet.Devnet.StartAsync(new DevnetOptions { Nodes = 1, ApiPassword = "bench", StartHeight = 20 });
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
        var height = devnet.Chain.Height;
        Console.WriteLine($"Scan benchmark: {height + 1} blocks with {announcements} offer announcements (built in {watch.Elapsed.TotalSeconds:F1} s), {Environment.ProcessorCount} cores");

        using var services = Services(devnet.Nodes[0].ApiUrl!.ToString());
        var api = services.GetRequiredService<ISiadApi>();
        var concurrency = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainFollowerOptions>>().Value.FetchConcurrency;

        // Raw: the same API, the same concurrency, no decoding beyond JSON and nothing stored; warmed up first.
        // The follower keeps two batches in flight (the next one is fetched while the current one is applied), so the raw
        // fetch is measured at its concurrency and at twice it; the faster of the two is the bar.
        await FetchAllAsync(api, height, 2 * concurrency);
        var raw = 0.0;
        foreach (var inFlight in new[] { concurrency, 2 * concurrency })
        {
            watch.Restart();
            await FetchAllAsync(api, height, inFlight);
            var rate = (height + 1) / watch.Elapsed.TotalSeconds;
            raw = Math.Max(raw, rate);
            Console.WriteLine($"{$"raw fetch, {inFlight} requests in flight",-44} {rate,10:N0} blocks/s");
        }


        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var connection = services.GetRequiredService<SiadConnection>();
        await connection.StartAsync(CancellationToken.None);
        await connection.WhenReadyAsync(CancellationToken.None);
        watch.Restart();
        await services.GetRequiredService<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        var scan = (height + 1) / watch.Elapsed.TotalSeconds;
        var counts = services.GetRequiredService<Peer2Peer.Sidecar.Discovery.Catalogue.CatalogueQueries>().GetCounts();
        Console.WriteLine($"{"catalogue after the scan",-44} {counts.Providers,10:N0} providers, {counts.Accepted:N0} announcements accepted, {counts.Foreign:N0} foreign entries");
        Console.WriteLine($"{"scan (follower + subscribers + SQLite)",-44} {scan,10:N0} blocks/s");
        Console.WriteLine($"{"scan overhead over raw fetch",-44} {(raw / scan - 1) * 100,10:F1} %");
        await connection.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task FetchAllAsync(ISiadApi api, ulong height, int concurrency)
    {
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var h = Interlocked.Increment(ref next); h <= (long)height; h = Interlocked.Increment(ref next))
            {
                await api.GetBlockAsync((ulong)h, CancellationToken.None);
            }
        }));
    }

    private static ServiceProvider Services(string apiUrl)
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
