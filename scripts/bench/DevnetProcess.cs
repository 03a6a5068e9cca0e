using System.Diagnostics;
using System.Globalization;

namespace Peer2Peer.Bench;

/// <summary>A devnet serving a synthetic chain; disposing it stops the devnet (or the process it runs in).</summary>
internal sealed record SyntheticDevnet(string Url, ulong Height, int Announcements, TimeSpan Built, IAsyncDisposable Owner) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}

/// <summary>
/// The scan benchmark's devnet in a child process (this program in mode <c>scan-devnet</c>), as siad runs beside the
/// sidecar: it builds the chain, prints one ready line and serves until its standard input closes. Killed with its
/// tree if it does not stop, and on this process's exit.
/// </summary>
internal sealed class DevnetProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "devnet ready";
    private readonly Process _process;

    private DevnetProcess(Process process)
    {
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        Console.CancelKeyPress += (_, _) => Kill();
    }

    public static string Ready(SyntheticDevnet devnet) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReadyPrefix} {devnet.Url} {devnet.Height} {devnet.Announcements} {devnet.Built.TotalSeconds}");

    public static async Task<SyntheticDevnet> StartAsync(int blocks, int announceEvery)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(DevnetProcess).Assembly.Location, "scan-devnet", "--blocks", $"{blocks}", "--announce-every", $"{announceEvery}" })
        {
            start.ArgumentList.Add(argument);
        }

        var child = new DevnetProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        while (await child._process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal) && parts.Length == 6)
            {
                // Whatever it prints later is read and dropped, so a full pipe never stalls it.
                _ = child._process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return new SyntheticDevnet(parts[2], ulong.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture),
                    TimeSpan.FromSeconds(double.Parse(parts[5], CultureInfo.InvariantCulture)), child);
            }
        }

        await child.DisposeAsync();
        throw new InvalidOperationException("the devnet process exited before it was ready");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
