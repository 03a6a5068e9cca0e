using System.Text.RegularExpressions;

namespace Peer2Peer.Sidecar.Tests.Deploy;

/// <summary>
/// The key facts of deploy/Dockerfile and docker-compose.yml, read as text: stages, user, volume, port, health check,
/// profiles, loopback ports, named volumes, a configurable siad image and no secret values in either file.
/// </summary>
[Category("Unit")]
public sealed partial class DeployFilesTests
{
    private const string SiadImageDefault = "ghcr.io/siafoundation/siad:1.5.9";

    [Test]
    public void DockerfileBuildsOnTheSdkAndRunsOnTheAspNetRuntime()
    {
        var instructions = DeployFiles.DockerfileInstructions();
        var froms = instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.That(froms, Is.EqualTo(new[] { "mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime" }));
        Assert.That(Runtime(instructions), Has.Some.EqualTo(("COPY", "--from=build /app ./")));
        Assert.That(instructions, Has.Some.Matches<(string Instruction, string Arguments)>(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet publish Peer2Peer.Sidecar/Peer2Peer.Sidecar.csproj -c Release -o /app", StringComparison.Ordinal)));
    }

    [Test]
    public void DockerfileRestoresFromProjectFilesBeforeCopyingSources()
    {
        var instructions = DeployFiles.DockerfileInstructions().ToList();
        var restore = instructions.FindIndex(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copies = instructions.Take(restore).Where(i => i.Instruction == "COPY").Select(i => i.Arguments).ToList();
        var firstSourceCopy = instructions.FindIndex(i => i.Instruction == "COPY" && i.Arguments.StartsWith("Peer2Peer.Sidecar/ ", StringComparison.Ordinal));

        Assert.That(restore, Is.GreaterThan(0));
        Assert.That(firstSourceCopy, Is.GreaterThan(restore));
        Assert.That(copies, Is.EquivalentTo(new[]
        {
            "Directory.Build.props Directory.Packages.props ./",
            "Peer2Peer.Sia/Peer2Peer.Sia.csproj Peer2Peer.Sia/",
            "Peer2Peer.Sidecar/Peer2Peer.Sidecar.csproj Peer2Peer.Sidecar/",
        }));
    }

    [Test]
    public void DockerfileRunsAsTheNonRootAppUser()
    {
        var users = Runtime(DeployFiles.DockerfileInstructions()).Where(i => i.Instruction == "USER").Select(i => i.Arguments).ToList();

        Assert.That(users, Is.Not.Empty, "the runtime stage must set USER");
        Assert.That(users[^1], Is.AnyOf("$APP_UID", "app", "1654", "1654:1654"));
    }

    [Test]
    public void DockerfileKeepsStateInTheDataVolumeOwnedByTheAppUser()
    {
        var runtime = Runtime(DeployFiles.DockerfileInstructions()).ToList();
        var volume = runtime.FindIndex(i => i.Instruction == "VOLUME");
        var chown = runtime.FindIndex(i => i.Instruction == "RUN" && i.Arguments.Contains("chown app:app /data", StringComparison.Ordinal));

        Assert.That(volume, Is.GreaterThanOrEqualTo(0));
        Assert.That(runtime[volume].Arguments, Is.EqualTo("/data"));
        Assert.That(chown, Is.InRange(0, volume), "/data must belong to the app user before VOLUME so a new volume inherits it");
        Assert.That(EnvironmentOf(runtime), Does.Contain("Sidecar__DataDirectory=/data"));
    }

    [Test]
    public void DockerfileListensOnAndExposes8080()
    {
        var runtime = Runtime(DeployFiles.DockerfileInstructions()).ToList();

        Assert.That(runtime.Where(i => i.Instruction == "EXPOSE").Select(i => i.Arguments), Is.EqualTo(new[] { "8080" }));
        Assert.That(EnvironmentOf(runtime), Does.Contain("ASPNETCORE_URLS=http://+:8080"));
        Assert.That(runtime.Last(i => i.Instruction == "ENTRYPOINT").Arguments, Is.EqualTo("[\"dotnet\", \"Peer2Peer.Sidecar.dll\"]"));
    }

    [Test]
    public void DockerfileHealthCheckProbesTheLivenessEndpointWithAnInstalledTool()
    {
        var runtime = Runtime(DeployFiles.DockerfileInstructions()).ToList();
        var healthchecks = runtime.Where(i => i.Instruction == "HEALTHCHECK").Select(i => i.Arguments).ToList();

        Assert.That(healthchecks, Has.Count.EqualTo(1));
        Assert.That(healthchecks[0], Does.Contain("CMD [\"wget\"").And.Contain("\"http://127.0.0.1:8080/health/live\""));
        Assert.That(runtime, Has.Some.Matches<(string Instruction, string Arguments)>(i => i.Instruction == "RUN" && i.Arguments.Contains("apt-get install -y --no-install-recommends wget", StringComparison.Ordinal)));
    }

    [Test]
    public void DockerfileHasNoSecrets()
    {
        var instructions = DeployFiles.DockerfileInstructions();
        var settings = instructions.Where(i => i.Instruction is "ENV" or "ARG").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(settings.Where(s => SecretName().IsMatch(s.Split('=')[0])), Is.Empty);
        Assert.That(Tokens(File.ReadAllText(DeployFiles.DockerfilePath)), Is.Empty);
    }

    [Test]
    public void ComposeHasAProviderAndAConsumerProfileBesideAnUnprofiledSiad()
    {
        var services = DeployFiles.Block(DeployFiles.ComposeLines(), "services");

        Assert.That(DeployFiles.Items(DeployFiles.Block(services, "siad", "profiles")), Is.Empty, "siad runs with either profile");
        Assert.That(DeployFiles.Value(DeployFiles.Block(services, "sidecar-provider"), "profiles"), Is.EqualTo("[\"provider\"]"));
        Assert.That(DeployFiles.Value(DeployFiles.Block(services, "sidecar-consumer"), "profiles"), Is.EqualTo("[\"consumer\"]"));
        Assert.That(DeployFiles.Value(DeployFiles.Block(services, "sidecar-provider", "environment"), "Sidecar__Role"), Is.EqualTo("Provider"));
        Assert.That(DeployFiles.Value(DeployFiles.Block(services, "sidecar-consumer", "environment"), "Sidecar__Role"), Is.EqualTo("Consumer"));
        Assert.That(DeployFiles.Value(DeployFiles.Block(services, "sidecar-provider", "environment"), "OpenvCloud__ApiUrl"), Is.EqualTo("${OPENVCLOUD_API_URL:-}"));
    }

    [Test]
    public void ComposePublishesPortsOnLoopbackByDefault()
    {
        var lines = DeployFiles.ComposeLines();
        var ports = lines.Select((line, index) => (line, index))
            .Where(x => x.line.Trim() == "ports:")
            .SelectMany(x => DeployFiles.Items(lines.Skip(x.index + 1).TakeWhile(l => DeployFiles.Indent(l) > DeployFiles.Indent(x.line)).ToList()))
            .ToList();
        var sidecar = DeployFiles.Items(DeployFiles.Block(lines, "x-sidecar", "ports"));

        Assert.That(ports, Has.Count.EqualTo(3));
        Assert.That(ports, Has.All.Match(@"^(127\.0\.0\.1|\$\{[A-Z_]+_BIND:-127\.0\.0\.1\}):\$\{[A-Z_]+_PORT:-\d+\}:\d+$"));
        Assert.That(sidecar, Is.EqualTo(new[] { "${SIDECAR_BIND:-127.0.0.1}:${SIDECAR_PORT:-8080}:8080" }));
        Assert.That(ports, Has.Some.EqualTo("127.0.0.1:${SIAD_API_PORT:-9980}:9980"), "siad's API is never published beyond loopback");
    }

    [Test]
    public void ComposeKeepsSiadAndSidecarDataInNamedVolumes()
    {
        var lines = DeployFiles.ComposeLines();
        var services = DeployFiles.Block(lines, "services");
        var named = DeployFiles.Block(lines, "volumes").Where(l => DeployFiles.Indent(l) == 2).Select(l => l.Trim().TrimEnd(':')).ToList();

        Assert.That(named, Is.EquivalentTo(new[] { "siad-data", "provider-data", "consumer-data" }));
        Assert.That(DeployFiles.Items(DeployFiles.Block(services, "siad", "volumes")), Is.EqualTo(new[] { "siad-data:/sia-data" }));
        Assert.That(DeployFiles.Items(DeployFiles.Block(services, "sidecar-provider", "volumes")), Is.EqualTo(new[] { "provider-data:/data" }));
        Assert.That(DeployFiles.Items(DeployFiles.Block(services, "sidecar-consumer", "volumes")), Is.EqualTo(new[] { "consumer-data:/data" }));
    }

    [Test]
    public void ComposeTakesTheSiadImageFromTheEnvironmentWithTheDocumentedDefault()
    {
        var siad = DeployFiles.Block(DeployFiles.Block(DeployFiles.ComposeLines(), "services"), "siad");

        Assert.That(DeployFiles.Value(siad, "image"), Is.EqualTo("${SIAD_IMAGE:-" + SiadImageDefault + "}"));
        Assert.That(File.ReadAllText(DeployFiles.DeployDocPath), Does.Contain("`" + SiadImageDefault + "`"));
    }

    [Test]
    public void ComposeGivesSiadAndTheSidecarsTheSameApiPasswordSecret()
    {
        var lines = DeployFiles.ComposeLines();
        var siad = DeployFiles.Block(DeployFiles.Block(lines, "services"), "siad");
        var siaDir = DeployFiles.Value(DeployFiles.Block(siad, "environment"), "SIA_DATA_DIR");
        var siadSecrets = DeployFiles.Block(siad, "secrets");
        var sidecarEnvironment = DeployFiles.Block(lines, "x-sidecar", "environment");

        Assert.That(DeployFiles.Items(siadSecrets), Is.EqualTo(new[] { "source: siad_api_password" }));
        Assert.That(DeployFiles.Value(siadSecrets.Skip(1).ToList(), "target"), Is.EqualTo(siaDir + "/apipassword"), "siad 1.5 reads <SIA_DATA_DIR>/apipassword");
        Assert.That(DeployFiles.Value(DeployFiles.Block(siad, "environment"), "SIA_API_PASSWORD"), Is.Empty, "an empty SIA_API_PASSWORD makes siad read the file");
        Assert.That(DeployFiles.Value(sidecarEnvironment, "Siad__ApiPasswordFile"), Is.EqualTo("/run/secrets/siad_api_password"));
        Assert.That(DeployFiles.Value(sidecarEnvironment, "Siad__ApiUrl"), Is.EqualTo("http://siad:9980"));
        Assert.That(DeployFiles.Value(sidecarEnvironment, "Sidecar__AdminApiKeyFile"), Is.EqualTo("/run/secrets/sidecar_admin_api_key"));
    }

    [Test]
    public void ComposeSecretsAreFilesNamedByVariablesWithDefaultsUnderSecrets()
    {
        var secrets = DeployFiles.Block(DeployFiles.ComposeLines(), "secrets");
        var files = secrets.Where(l => l.Trim().StartsWith("file:", StringComparison.Ordinal)).Select(l => l.Trim()["file:".Length..].Trim()).ToList();

        Assert.That(files, Has.Count.EqualTo(3));
        Assert.That(files, Has.All.Match(@"^\$\{[A-Z_]+_FILE:-\./secrets/[a-z-]+\}$"));
    }

    [Test]
    public void ComposeHasNoSecretValues()
    {
        var secretEntries = DeployFiles.EnvironmentEntries().Where(e => SecretName().IsMatch(e.Key)).ToList();

        Assert.That(secretEntries, Has.Count.GreaterThanOrEqualTo(8), "the check must see the password, key and secret settings");
        Assert.That(secretEntries.Where(e => !(e.Value.Length == 0 || e.Value.StartsWith("/run/secrets/", StringComparison.Ordinal) || EmptyDefaultReference().IsMatch(e.Value))),
            Is.Empty, "a secret setting may only be empty, a /run/secrets/ file or ${VAR:-} from the operator's environment");
        Assert.That(Tokens(File.ReadAllText(DeployFiles.ComposePath)), Is.Empty);
    }

    [Test]
    public void EveryComposeVariableIsDocumentedWithItsDefault()
    {
        var doc = File.ReadAllLines(DeployFiles.DeployDocPath);
        var variables = DeployFiles.ComposeVariables();

        Assert.That(variables, Has.Count.GreaterThanOrEqualTo(20));
        foreach (var (name, fallback) in variables)
        {
            var row = doc.FirstOrDefault(line => line.StartsWith("| `" + name + "` |", StringComparison.Ordinal));
            Assert.That(row, Is.Not.Null, $"docs/DEPLOY.md has no table row for {name}");
            if (!string.IsNullOrEmpty(fallback))
            {
                Assert.That(row, Does.Contain("`" + fallback + "`"), $"docs/DEPLOY.md must give {name}'s default");
            }
        }
    }

    private static IEnumerable<(string Instruction, string Arguments)> Runtime(IReadOnlyList<(string Instruction, string Arguments)> instructions) =>
        instructions.Skip(instructions.ToList().FindLastIndex(i => i.Instruction == "FROM"));

    private static IEnumerable<string> EnvironmentOf(IEnumerable<(string Instruction, string Arguments)> instructions) =>
        instructions.Where(i => i.Instruction == "ENV").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("(?i)(password|secret|api_?key|token)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*:-\}$")]
    private static partial Regex EmptyDefaultReference();

    /// <summary>Anything that looks like a key or token: 20+ hex digits, or 24+ base64 characters mixing cases and digits.</summary>
    private static IEnumerable<string> Tokens(string text) =>
        HexToken().Matches(text).Select(m => m.Value)
            .Concat(Base64Token().Matches(text).Select(m => m.Value).Where(v => v.Any(char.IsDigit) && v.Any(char.IsUpper) && v.Any(char.IsLower)));

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9a-fA-F]{20,}(?![0-9A-Za-z])")]
    private static partial Regex HexToken();

    [GeneratedRegex(@"[A-Za-z0-9+/]{24,}={0,2}")]
    private static partial Regex Base64Token();
}
