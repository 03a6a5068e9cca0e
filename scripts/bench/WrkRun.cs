using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Peer2Peer.Bench;

/// <summary>One run of <c>wrk</c> (one thread, <c>connections</c> keep-alive connections) cycling through a list of paths.</summary>
internal sealed record WrkResult(long Requests, double Seconds, long Errors, long StatusErrors, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Seconds;

    public static async Task<WrkResult> RunAsync(Uri server, IReadOnlyList<string> paths, int connections, double seconds, string scriptDirectory)
    {
        var script = Path.Combine(scriptDirectory, "mix.lua");
        await File.WriteAllTextAsync(script, Lua(paths));
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "-t1", $"-c{connections}", $"-d{seconds.ToString(CultureInfo.InvariantCulture)}s", "--timeout", "10s", "--latency",
                     "-s", script, server.ToString().TrimEnd('/'),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        try
        {
            var output = wrk.StandardOutput.ReadToEndAsync();
            var errors = wrk.StandardError.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {await output} {await errors}");
            var v = line[7..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
            return new WrkResult((long)v["requests"], v["duration_us"] / 1e6, (long)(v["connect"] + v["read"] + v["write"] + v["timeout"]), (long)v["status"],
                v["p50"] / 1000, v["p90"] / 1000, v["p99"] / 1000, v["p999"] / 1000, v["max"] / 1000);
        }
        finally
        {
            if (!wrk.HasExited)
            {
                wrk.Kill();
            }
        }
    }

    private static string Lua(IReadOnlyList<string> paths)
    {
        var lua = new StringBuilder("local paths = {\n");
        foreach (var path in paths)
        {
            lua.Append("  \"").Append(path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\n");
        }

        lua.Append("""
            }
            local i = 0
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d duration_us=%d connect=%d read=%d write=%d timeout=%d status=%d p50=%d p90=%d p99=%d p999=%d max=%d\n",
                summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
            end

            """);
        return lua.ToString();
    }
}
