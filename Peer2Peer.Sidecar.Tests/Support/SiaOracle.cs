using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>
/// Runs Oracle/oracle.mjs (Sia's own Go core as WebAssembly, from @siafoundation/sdk) on one batch request.
/// Installs the pinned npm packages with <c>npm ci</c> from the committed lock file when they are missing.
/// </summary>
public static class SiaOracle
{
    private static readonly string Directory_ = Path.Combine(TestPaths.RepositoryRoot, "Peer2Peer.Sidecar.Tests", "Oracle");
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<JObject> RunAsync(JObject request, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var requestFile = Path.Combine(Path.GetTempPath(), $"sia-oracle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(requestFile, request.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        try
        {
            var (exitCode, stdout, stderr) = await RunProcessAsync("node", ["oracle.mjs", requestFile], cancellationToken);
            return exitCode == 0
                ? JObject.Parse(stdout)
                : throw new InvalidOperationException($"oracle exited with {exitCode}: {stderr}");
        }
        finally
        {
            File.Delete(requestFile);
        }
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(Directory_, "node_modules", "@siafoundation", "sdk", "package.json")))
            {
                return;
            }

            var (exitCode, _, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory_} failed ({exitCode}): {stderr}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory_ };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return ChildProcess.RunAsync(start, cancellationToken);
    }
}
