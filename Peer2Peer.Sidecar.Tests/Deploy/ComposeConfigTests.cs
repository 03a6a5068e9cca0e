using System.Diagnostics;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Deploy;

/// <summary>
/// <c>docker-compose config</c> (Debian's 1.29, no engine needed) renders docker-compose.yml for each profile from a
/// clean environment — no .env file, no secret files — and takes overrides from the environment. Skipped when
/// docker-compose is not installed (scripts/check-compose installs it and runs the same check in CI).
/// </summary>
[Category("Unit")]
public sealed class ComposeConfigTests
{
    [TestCase("provider")]
    [TestCase("consumer")]
    [CancelAfter(60_000)]
    public async Task RendersEachProfileFromACleanEnvironment(string profile, CancellationToken cancellationToken)
    {
        var (exitCode, stdout, stderr) = await ComposeAsync(["--profile", profile, "config"], new Dictionary<string, string>(), cancellationToken);
        var services = await ComposeAsync(["--profile", profile, "config", "--services"], new Dictionary<string, string>(), cancellationToken);

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(services.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "siad", "sidecar-" + profile }));
        Assert.That(stdout, Does.Contain($"  sidecar-{profile}:\n"));
        Assert.That(stdout, Does.Contain($"    profiles:\n    - {profile}\n"));
        Assert.That(stdout, Does.Contain("image: ghcr.io/siafoundation/siad:1.5.9"));
        Assert.That(stdout, Does.Contain("- 127.0.0.1:8080:8080/tcp"));
        Assert.That(stdout, Does.Contain("- 127.0.0.1:9980:9980/tcp"));
        Assert.That(stdout, Does.Contain("Siad__ApiPasswordFile: /run/secrets/siad_api_password"));
        Assert.That(stdout, Does.Contain($"Sidecar__Role: {(profile == "provider" ? "Provider" : "Consumer")}"));
        Assert.That(stdout, Does.Not.Contain("0.0.0.0"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task TakesImagesPortsAndSecretFilesFromTheEnvironment(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["SIAD_IMAGE"] = "registry.example/siad:1.3.7",
            ["SIAD_FLAGS"] = "--authenticate-api -M gctw",
            ["SIDECAR_PORT"] = "18080",
            ["SIAD_GATEWAY_BIND"] = "0.0.0.0",
            ["SIAD_API_PASSWORD_FILE"] = "/etc/peer2peer/siad-api-password",
            ["OPENVCLOUD_API_URL"] = "https://ovc.example/",
        };

        var (exitCode, stdout, stderr) = await ComposeAsync(["--profile", "provider", "config"], environment, cancellationToken);

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("image: registry.example/siad:1.3.7"));
        Assert.That(stdout, Does.Contain("command: --authenticate-api -M gctw"));
        Assert.That(stdout, Does.Contain("- 127.0.0.1:18080:8080/tcp"));
        Assert.That(stdout, Does.Contain("- 0.0.0.0:9981:9981/tcp"));
        Assert.That(stdout, Does.Contain("file: /etc/peer2peer/siad-api-password"));
        Assert.That(stdout, Does.Contain("OpenvCloud__ApiUrl: https://ovc.example/"));
    }

    /// <summary>Runs docker-compose on the repository's file with every variable it reads removed, then <paramref name="set"/>.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> ComposeAsync(string[] arguments, Dictionary<string, string> set, CancellationToken cancellationToken)
    {
        var executable = FindOnPath("docker-compose");
        if (executable is null)
        {
            Assert.Ignore("docker-compose is not installed; scripts/check-compose installs Debian's docker-compose 1.29 (no Docker engine needed)");
        }

        using var directory = new TempDirectory();
        var emptyEnvFile = Path.Combine(directory.Path, "empty.env");
        await File.WriteAllTextAsync(emptyEnvFile, "", cancellationToken);
        var start = new ProcessStartInfo(executable!) { WorkingDirectory = TestPaths.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-f", DeployFiles.ComposePath, "--env-file", emptyEnvFile, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in DeployFiles.ComposeVariables().Keys.Concat(start.Environment.Keys.Where(k => k.StartsWith("COMPOSE_", StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in set)
        {
            start.Environment[name] = value;
        }

        return await ChildProcess.RunAsync(start, cancellationToken);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
