using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Peer2Peer.Demo;

/// <summary>Every process the demo starts, logs to a file each, stopped by PID when the demo ends however it ends.</summary>
internal sealed class ChildProcesses(string workDirectory) : IAsyncDisposable
{
    private readonly List<(string Name, Process Process)> _children = [];

    public Process Start(string name, string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDirectory };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {name}");
        var log = new StreamWriter(Path.Combine(workDirectory, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _children.Add((name, process));
        return process;
    }

    public async Task StopAsync(string name)
    {
        foreach (var (childName, process) in _children.Where(c => c.Name == name).ToArray())
        {
            await KillAsync(process);
            _children.RemoveAll(c => c.Process == process);
            _ = childName;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in _children)
        {
            await KillAsync(process);
        }

        _children.Clear();
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
    }
}
