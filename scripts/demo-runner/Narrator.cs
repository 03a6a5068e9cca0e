using System.Diagnostics;

namespace Peer2Peer.Demo;

/// <summary>Numbered steps on the console; the first failing step is named and ends the demo with exit code 1.</summary>
internal sealed class Narrator
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _step;

    public async Task<T> StepAsync<T>(string title, Func<Task<T>> action)
    {
        _step++;
        Console.WriteLine();
        Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] Step {_step}: {title}");
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not DemoFailedException)
        {
            throw new DemoFailedException($"step {_step} \"{title}\" failed: {e.Message}", e);
        }
    }

    public Task StepAsync(string title, Func<Task> action) => StepAsync(title, async () =>
    {
        await action();
        return true;
    });

    public static void Say(string text) => Console.WriteLine("    " + text);

    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new[] { header }.Concat(rows).ToArray();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            Console.WriteLine("    " + string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
            if (index == 0)
            {
                Console.WriteLine("    " + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    /// <summary>Polls <paramref name="check"/> until it yields a value or <paramref name="timeout"/> passes.</summary>
    public static async Task<T> WaitForAsync<T>(string what, TimeSpan timeout, Func<Task<T?>> check) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await check() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                last = e;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting for {what}{(last is null ? "" : $" (last error: {last.Message})")}");
    }
}

internal sealed class DemoFailedException(string message, Exception inner) : Exception(message, inner);
