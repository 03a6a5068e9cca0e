using Peer2Peer.Bench;

// Benchmarks print figures; they are run by scripts/bench-*, never asserted by tests.
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(2.0);
return args.FirstOrDefault() switch
{
    "encoding" => EncodingBenchmark.Run(TimeSpan.FromSeconds(seconds)),
    "scan" => await ScanBenchmark.RunAsync(
        blocks: args.SkipWhile(a => a != "--blocks").Skip(1).Select(int.Parse).FirstOrDefault(100_000),
        announceEvery: args.SkipWhile(a => a != "--announce-every").Skip(1).Select(int.Parse).FirstOrDefault(10),
        rounds: args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3),
        breakdown: args.Contains("--breakdown"),
        inProcess: args.Contains("--in-process")),
    "scan-devnet" => await ScanBenchmark.ServeAsync(
        blocks: args.SkipWhile(a => a != "--blocks").Skip(1).Select(int.Parse).FirstOrDefault(100_000),
        announceEvery: args.SkipWhile(a => a != "--announce-every").Skip(1).Select(int.Parse).FirstOrDefault(10)),
    "api-uncached" => ApiUncached.Run(
        providers: args.SkipWhile(a => a != "--providers").Skip(1).Select(int.Parse).FirstOrDefault(100_000),
        keep: args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault()),
    "api" => await ApiBenchmark.RunAsync(
        providers: args.SkipWhile(a => a != "--providers").Skip(1).Select(int.Parse).FirstOrDefault(100_000),
        seconds: args.Contains("--seconds") ? seconds : 30,
        connections: args.SkipWhile(a => a != "--connections").Skip(1).Select(int.Parse).FirstOrDefault(16),
        keep: args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Peer2Peer.Bench encoding [--seconds N] | scan [--blocks N] [--announce-every K] [--rounds R] [--breakdown] [--in-process] | api [--providers N] [--seconds S] [--connections C] [--data DIR] | api-uncached [--providers N] [--data DIR]");
    return 64;
}
