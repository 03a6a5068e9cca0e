using System.Diagnostics;
using System.Net;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Hosting;

/// <summary>The composed host: health, status, the admin key, and bad configuration ending the process with one line.</summary>
[Category("Unit")]
public sealed class SidecarHostTests
{
    private const string AdminKey = "test-admin-key-0123456789";

    [Test]
    public async Task StatusHasEverySectionAndReadinessListsEachCheck()
    {
        var siad = new FakeSiadClient(blocks: 12);
        await using var factory = new SidecarFactory(siad);
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await WaitForAsync(client, "/health/ready", HttpStatusCode.OK);
        var status = JObject.Parse(await client.GetStringAsync("/api/status"));

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready["checks"]!.Children<JProperty>().Select(p => p.Name), Is.EquivalentTo(new[] { "siad", "synced", "database" }));
        Assert.That(status.Properties().Select(p => p.Name), Is.SupersetOf(new[] { "siad", "chain", "identity", "funding" }));
        Assert.That((string)status["siad"]!["version"]!, Is.EqualTo("1.5.9"));
        Assert.That((string)status["siad"]!["chainRules"]!, Is.EqualTo("siad-1.5-dev"));
        Assert.That((ulong)status["chain"]!["checkpointHeight"]!, Is.EqualTo(11));
        Assert.That((string)status["identity"]!["identityKey"]!, Does.StartWith("ed25519:"));
        Assert.That(UnlockHashOk((string)status["funding"]!["address"]!), Is.True);
    }

    [Test]
    public async Task StateChangingEndpointsNeedTheAdminKey()
    {
        var siad = new FakeSiadClient(blocks: 3) { OnSendSiacoins = (_, _) => Task.FromResult<IReadOnlyList<Peer2Peer.Sia.Types.Hash256>>([]) };
        await using var factory = new SidecarFactory(siad, new Dictionary<string, string?> { ["Sidecar:AdminApiKey"] = AdminKey });
        using var client = factory.CreateClient();
        await WaitForAsync(client, "/health/ready", HttpStatusCode.OK);

        var without = await client.PostAsync("/api/funding/topup", null);
        var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "X-Api-Key", "nope-nope-nope-nope" } } });
        var right = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "X-Api-Key", AdminKey } } });
        var bearer = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "Authorization", "Bearer " + AdminKey } } });

        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(without.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string)JObject.Parse(await without.Content.ReadAsStringAsync())["code"]!, Is.EqualTo("admin-key-required"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(bearer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task WithoutAConfiguredKeyStateChangingEndpointsAreDisabled()
    {
        await using var factory = new SidecarFactory(new FakeSiadClient(blocks: 3));
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "X-Api-Key", "anything-at-all-here" } } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string)JObject.Parse(await response.Content.ReadAsStringAsync())["detail"]!, Does.Contain("no admin API key configured"));
    }

    [Test]
    public async Task AnEmptyPresentedKeyNeverMatches()
    {
        await using var factory = new SidecarFactory(new FakeSiadClient(blocks: 3), new Dictionary<string, string?> { ["Sidecar:AdminApiKey"] = AdminKey });
        using var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup");
        request.Headers.TryAddWithoutValidation("X-Api-Key", "");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void ABlankKeyOrKeyFileIsNoKeyAndAShortKeyFileIsRefused()
    {
        using var directory = new TempDirectory();
        var blank = Path.Combine(directory.Path, "blank");
        var shortKey = Path.Combine(directory.Path, "short");
        File.WriteAllText(blank, "  \n");
        File.WriteAllText(shortKey, "abc\n");

        Assert.That(Peer2Peer.Sidecar.Hosting.AdminApiKey.Resolve(new Peer2Peer.Sidecar.Hosting.SidecarOptions { AdminApiKey = "   " }), Is.Null);
        Assert.That(Peer2Peer.Sidecar.Hosting.AdminApiKey.Resolve(new Peer2Peer.Sidecar.Hosting.SidecarOptions { AdminApiKeyFile = blank }), Is.Null);
        var result = new Peer2Peer.Sidecar.Hosting.SidecarOptionsValidator().Validate(null, new Peer2Peer.Sidecar.Hosting.SidecarOptions { AdminApiKeyFile = shortKey });
        Assert.That(result.FailureMessage, Does.Contain("Sidecar:AdminApiKeyFile must hold a key of at least 16 characters"));
    }

    [TestCase("--Siad:ApiUrl=not a url", null, "Siad:ApiUrl")]
    [TestCase(null, "Funding__Cap=1 SC", "Funding:Cap (1 SC) must be above Funding:Floor")]
    [TestCase("--ChainFollower:BatchSize=0", null, "ChainFollower:BatchSize")]
    [TestCase("--Sidecar:AdminApiKey=short", null, "Sidecar:AdminApiKey must be at least 16 characters")]
    [CancelAfter(60_000)]
    public async Task BadConfigurationEndsTheProcessWithOneLineNamingTheKey(string? argument, string? environment, string expected, CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var sidecar = Path.Combine(AppContext.BaseDirectory, "Peer2Peer.Sidecar.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory.Path };
        start.ArgumentList.Add(sidecar);
        start.ArgumentList.Add("--Sidecar:DataDirectory=" + directory.Path);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            var (name, value) = (environment[..environment.IndexOf('=')], environment[(environment.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        Assert.That(process.ExitCode, Is.EqualTo(2));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), stderr);
        Assert.That(lines[0], Does.StartWith("Peer2Peer.Sidecar cannot start:").And.Contain(expected));
    }

    private static bool UnlockHashOk(string text) => Peer2Peer.Sia.Types.UnlockHash.TryParse(text, null, out _);

    private static async Task<JObject> WaitForAsync(HttpClient client, string path, HttpStatusCode status)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == status || attempt == 200)
            {
                Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
                return JObject.Parse(await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(25);
        }
    }
}
