using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Peer2Peer.Bench;

/// <summary>
/// The real sidecar host (<c>dotnet Peer2Peer.Sidecar.dll</c>, its own runtimeconfig and GC) as a child process on a free
/// loopback port, siad pointed at a closed port (the catalogue endpoints read only the snapshot). Killed with its tree on
/// dispose and on this process's exit.
/// </summary>
internal sealed class SidecarProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SidecarProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        Console.CancelKeyPress += (_, _) => Kill();
    }

    public Uri Url { get; }

    public int Id => _process.Id;

    public static async Task<SidecarProcess> StartAsync(string dataDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Peer2Peer.Sidecar.dll");
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     dll, "--urls", url.ToString().TrimEnd('/'), $"--Sidecar:DataDirectory={dataDirectory}",
                     $"--Siad:ApiUrl=http://127.0.0.1:{FreePort()}", "--Discovery:ProbeEnabled=false",
                     "--Logging:LogLevel:Default=Error", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine("  [sidecar] " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sidecar = new SidecarProcess(process, url);
        await sidecar.WaitUntilAnsweringAsync();
        return sidecar;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the sidecar exited with code {_process.ExitCode} before answering");
            }

            try
            {
                using var response = await client.GetAsync("/api/providers?limit=1");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the sidecar did not answer within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
