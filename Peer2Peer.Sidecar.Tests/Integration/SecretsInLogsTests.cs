using System.Net;
using Peer2Peer.Devnet;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Integration;

/// <summary>A full run of the host against the devnet, every log line captured at every level: no configured secret appears.</summary>
[Category("Devnet")]
public sealed class SecretsInLogsTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task NoSecretEverReachesTheLogsOrTheApi(CancellationToken cancellationToken)
    {
        await using var devnet = await Peer2Peer.Devnet.Devnet.StartAsync(new DevnetOptions { Nodes = 1 }, cancellationToken);
        var node = devnet.Nodes[0];
        const string adminKey = "admin-secret-7f3a9c1e5b2d4f60";
        var logs = new CapturingLoggerProvider();
        await using var factory = new SidecarFactory(null, new Dictionary<string, string?>
        {
            ["Siad:ApiUrl"] = node.ApiUrl!.ToString(),
            ["Siad:ApiPassword"] = node.Password,
            ["Sidecar:AdminApiKey"] = adminKey,
            ["Logging:LogLevel:Default"] = "Trace",
        }, logs);
        using var client = factory.CreateClient();

        // Wait for readiness, then do what spends and signs: a top-up and a wrong-key attempt.
        for (var i = 0; i < 400 && (await client.GetAsync("/health/ready", cancellationToken)).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(25, cancellationToken);
        }

        var topUp = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "X-Api-Key", adminKey } } }, cancellationToken);
        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/funding/topup") { Headers = { { "X-Api-Key", "wrong-" + adminKey } } }, cancellationToken);
        devnet.Mine();
        var status = await client.GetStringAsync("/api/status", cancellationToken);
        var seed = MasterSeed.Parse(File.ReadAllText(Path.Combine(factory.DataDirectory, MasterSeed.FileName)).Trim())!;

        var secrets = new Dictionary<string, string>
        {
            ["siad API password"] = node.Password,
            ["Basic auth header"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":" + node.Password)),
            ["admin API key"] = adminKey,
            ["master seed"] = Convert.ToHexStringLower(seed),
            ["funding key seed"] = Convert.ToHexStringLower(KeyRing.DeriveSeed(seed, KeyPurpose.Funding, 0)),
            ["identity key seed"] = Convert.ToHexStringLower(KeyRing.DeriveSeed(seed, KeyPurpose.Identity, 0)),
        };
        Assert.That(topUp.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(logs.Lines, Has.Count.GreaterThan(20), "the run logged at trace level");
        foreach (var (name, secret) in secrets)
        {
            Assert.That(logs.All, Does.Not.Contain(secret).IgnoreCase, $"{name} in the logs");
            Assert.That(status, Does.Not.Contain(secret).IgnoreCase, $"{name} in /api/status");
        }
    }
}
