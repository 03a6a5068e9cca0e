namespace Peer2Peer.Bench;

/// <summary>
/// GET /api/providers under load: a catalogue of N providers filled through the catalogue subscriber, the real sidecar
/// host in its own process, and wrk (one thread, on the same cores as the server) cycling through a mix of filtered,
/// sorted and paged list requests.
/// </summary>
internal static class ApiBenchmark
{
    /// <param name="keep">A data directory to fill once and keep (reused when it exists), for repeated runs; null: a fresh temporary one.</param>
    public static async Task<int> RunAsync(int providers, double seconds, int connections, string? keep)
    {
        var data = keep is null ? Path.Combine(Path.GetTempPath(), "p2p-bench-api-" + Guid.NewGuid().ToString("N")) : Path.GetFullPath(keep);
        try
        {
            Console.WriteLine($"Catalogue API benchmark: {providers:N0} providers, {connections} connections, {seconds:0.#} s, {Environment.ProcessorCount} cores (wrk shares them)");
            if (keep is not null && File.Exists(Path.Combine(data, "sidecar.db")))
            {
                Console.WriteLine($"  reusing the catalogue in {data}");
            }
            else
            {
                var fill = ApiCatalogueFill.Fill(data, providers);
                Console.WriteLine($"  fill: {fill.TotalSeconds:F1} s");
            }

            await using var sidecar = await SidecarProcess.StartAsync(data);
            var mix = await ApiRequestMix.BuildAsync(sidecar.Url, firstPages: 300);
            Console.WriteLine($"  mix: {mix.Paths.Count} requests ({mix.FirstPages} first pages, {mix.Paths.Count - mix.FirstPages} with a cursor), " +
                $"{mix.Items / (double)mix.Paths.Count:F1} items and {mix.Bytes / mix.Paths.Count / 1024.0:F1} KiB per response");

            await WrkResult.RunAsync(sidecar.Url, mix.Paths, connections, Math.Min(5, Math.Max(1, seconds / 5)), data);
            var result = await WrkResult.RunAsync(sidecar.Url, mix.Paths, connections, seconds, data);
            Measure.Print("requests/s", result.RequestsPerSecond, "req/s");
            Console.WriteLine($"{"latency p50 / p90 / p99 / p99.9 / max",-44} {result.P50Ms:F2} / {result.P90Ms:F2} / {result.P99Ms:F2} / {result.P999Ms:F2} / {result.MaxMs:F1} ms");
            Console.WriteLine($"{"requests / non-2xx / socket errors",-44} {result.Requests:N0} / {result.StatusErrors} / {result.Errors}");
            Console.WriteLine($"{"sidecar peak resident memory",-44} {PeakMemoryMiB(sidecar.Id)} MiB");
            Console.WriteLine($"{"targets (p99 <= 5 ms, >= 5,000 req/s)",-44} {(result.P99Ms <= 5 ? "p99 met" : "p99 MISSED")}, {(result.RequestsPerSecond >= 5000 ? "rate met" : "rate MISSED")}");
            return result.StatusErrors == 0 && result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static string PeakMemoryMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "?" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).ToString("N0");
    }
}
