using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Sidecar.OpenvCloud;
using Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>JWT from the identity endpoint (renewed before expiry, refreshed once on 401) and legacy authkey (re-login on 419).</summary>
[Category("Devnet")]
[CancelAfter(60_000)]
public sealed class OpenvCloudAuthTests
{
    [Test]
    public async Task Jwt_IsObtainedOnce_AndRenewedBeforeExpiry(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var wall = host.Devnet!.Wall;

        await host.Client.ListSizesAsync("be-g8-1", ct);
        await host.Client.ListImagesAsync(null, ct);
        Assert.That(host.Requests.Count("/v1/oauth/access_token"), Is.EqualTo(1));
        var first = host.Requests.Entries.Last().Authorization;
        Assert.That(first, Does.StartWith("bearer "));

        wall.Advance(TimeSpan.FromMinutes(54));
        await host.Client.ListSizesAsync("be-g8-1", ct);
        Assert.That(host.Requests.Count("/v1/oauth/access_token"), Is.EqualTo(1), "still more than 5 minutes to exp (1 h)");

        wall.Advance(TimeSpan.FromMinutes(2));
        await host.Client.ListSizesAsync("be-g8-1", ct);
        Assert.That(host.Requests.Count("/v1/oauth/access_token"), Is.EqualTo(2), "renewed within 5 minutes of exp");
        Assert.That(host.Requests.Entries.Last().Authorization, Is.Not.EqualTo(first));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.EqualTo(3), "no call was refused");
    }

    [Test]
    public async Task Jwt_RefusedByTheController_IsRefreshedOnce_AndTheCallRepeated(CancellationToken ct)
    {
        // The client's clock lags the controller's by two hours: it believes its token valid, the controller does not.
        var lagging = new FakeTimeProvider(OvcTester.Start);
        await using var host = await OvcClientHost.StartAsync(clientTime: lagging);
        await host.Client.ListSizesAsync("be-g8-1", ct);
        host.Devnet!.Wall.Advance(TimeSpan.FromHours(2));

        var sizes = await host.Client.ListSizesAsync("be-g8-1", ct);

        Assert.That(sizes, Is.Not.Empty);
        Assert.That(host.Requests.Count("/v1/oauth/access_token"), Is.EqualTo(2));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.EqualTo(3), "one refused with 401, repeated once");
    }

    [Test]
    public async Task Jwt_WrongClientSecret_IsATypedAuthenticationError(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync(settings: new Dictionary<string, string?> { ["OpenvCloud:ClientSecret"] = "not-the-right-secret" });

        var error = Assert.ThrowsAsync<OpenvCloudAuthenticationException>(() => host.Client.ListSizesAsync("be-g8-1", ct));

        Assert.That(error!.Message, Does.Contain(host.Info.ClientId).And.Not.Contain("not-the-right-secret"));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.Zero, "nothing is sent without a token");
    }

    [Test]
    public async Task Authkey_LogsInOnce_SendsTheKeyAsACookie_AndLogsInAgainOn419(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync("authkey");
        var space = host.Info.CloudSpaceId;

        await host.Client.ListMachinesAsync(space, ct);
        Assert.That(await host.Client.WhoAmIAsync(ct), Is.EqualTo(host.Info.ConsumerUsername));
        Assert.That(host.Requests.Count("users/authenticate"), Is.EqualTo(1));
        var cookie = host.Requests.Entries.Last().Cookie;
        Assert.That(cookie, Does.StartWith("beaker.session.id="));
        Assert.That(host.Requests.Entries.Where(e => e.PathAndQuery.Contains("authkey", StringComparison.Ordinal)), Is.Empty, "never in the URL");

        host.Devnet!.Wall.Advance(TimeSpan.FromMinutes(61));
        var id = await host.Client.CreateMachineAsync(new OvcMachineSpec(space, "after-419", 1, 10) { SizeId = 1 }, ct);

        Assert.That(id, Is.Positive);
        Assert.That(host.Requests.Count("users/authenticate"), Is.EqualTo(2));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(2), "refused with 419 (not executed), repeated once after re-login");
        Assert.That(await host.Client.ListMachinesAsync(space, ct), Has.Count.EqualTo(1));
        Assert.That(host.Requests.Entries.Last().Cookie, Is.Not.EqualTo(cookie));
    }

    [Test]
    public async Task Authkey_WrongPassword_IsATypedAuthenticationError(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync("authkey", new Dictionary<string, string?> { ["OpenvCloud:Password"] = "wrong-password-123" });

        var error = Assert.ThrowsAsync<OpenvCloudAuthenticationException>(() => host.Client.ListMachinesAsync(host.Info.CloudSpaceId, ct));

        Assert.That(error!.Message, Does.Contain(host.Info.ConsumerUsername).And.Not.Contain("wrong-password-123"));
    }
}
