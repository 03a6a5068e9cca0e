using System.Diagnostics;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Deploy;

/// <summary>deploy/init-secrets: random secrets the compose file can mount, created once, never overwritten.</summary>
[Category("Unit")]
public sealed class InitSecretsTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task CreatesRandomSecretsOnceAndNeverOverwritesThem(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("deploy/init-secrets is a bash script for Linux hosts");
            return;
        }

        using var directory = new TempDirectory();
        var secrets = Path.Combine(directory.Path, "secrets");

        await RunAsync(secrets, cancellationToken);
        var password = await File.ReadAllTextAsync(Path.Combine(secrets, "siad-api-password"), cancellationToken);
        var adminKey = await File.ReadAllTextAsync(Path.Combine(secrets, "sidecar-admin-api-key"), cancellationToken);
        await RunAsync(secrets, cancellationToken);

        Assert.That(password, Does.Match("^[0-9a-f]{32}\n$"));
        Assert.That(adminKey, Does.Match("^[0-9a-f]{64}\n$"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(secrets, "siad-api-password"), cancellationToken), Is.EqualTo(password));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(secrets, "sidecar-admin-api-key"), cancellationToken), Is.EqualTo(adminKey));
        Assert.That(File.ReadAllText(Path.Combine(secrets, "openvcloud-secret")), Is.Empty, "the OpenvCloud secret is the operator's to write");
        Assert.That(File.GetUnixFileMode(secrets), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    private static async Task RunAsync(string secrets, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(TestPaths.RepositoryRoot, "deploy", "init-secrets")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(secrets);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start deploy/init-secrets");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, await stderr);
    }
}
