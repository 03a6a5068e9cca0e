using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Peer2Peer.Devnet.OpenvCloud.Faults;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Per-controller faults (down, slow, 5xx, degraded health) through the API and the <c>/devnet</c> control endpoints.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcFaultTests
{
    [Test]
    public async Task Health_IsOkObject_Then503WithTheSameObjectWhileDegraded()
    {
        await using var t = await OvcTester.StartAsync();
        var ok = await t.PostAsync("cloudbroker/health/status", new { }, null);
        Assert.That(ok.Body, Is.EqualTo("{\"mongodb\":true,\"influxdb\":true,\"healtcheckalive\":true}"));

        await ControlAsync(t, "faults", "{\"unhealthy\":[\"influxdb\"]}");
        var degraded = await t.PostAsync("cloudbroker/health/status", new { }, null);
        Assert.That(degraded.Code, Is.EqualTo(503));
        Assert.That(degraded.Body, Is.EqualTo("{\"mongodb\":true,\"influxdb\":false,\"healtcheckalive\":true}"));

        await ControlAsync(t, "faults/clear", "{}");
        Assert.That((await t.PostAsync("cloudbroker/health/status", new { }, null)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task Down_ResetsConnections_OnlyOnThatController_ControlStaysReachable()
    {
        await using var t = await OvcTester.StartAsync(controllers: 2);
        await ControlAsync(t, "faults", "{\"down\":true}");

        Assert.ThrowsAsync<HttpRequestException>(() => t.PostAsync("cloudbroker/health/status", new { }, null));
        var other = await t.PostAsync("cloudbroker/health/status", new { }, null, t.Cluster.Controllers[1].Info);
        Assert.That(other.Code, Is.EqualTo(200));
        var state = await ControlAsync(t, "faults", null);
        Assert.That(state["down"]!.GetValue<bool>(), Is.True);

        t.First.Faults.Clear();
        Assert.That((await t.PostAsync("cloudbroker/health/status", new { }, null)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task ServerErrors_ForTheNextNCalls_ThenRecover()
    {
        await using var t = await OvcTester.StartAsync();
        t.First.Faults.Set(new FaultState { ErrorStatus = 500, ErrorCount = 2 });

        for (var i = 0; i < 2; i++)
        {
            var failed = await t.PostAsync("cloudapi/locations/list", new { }, null);
            Assert.That(failed.Code, Is.EqualTo(500));
            Assert.That(failed.ContentType, Is.EqualTo("text/html"));
            Assert.That(failed.Body, Does.Contain("eco-101-"));
        }

        Assert.That((await t.PostAsync("cloudapi/locations/list", new { }, null)).Code, Is.EqualTo(200));
        await ControlAsync(t, "faults", "{\"errorStatus\":502}");
        Assert.That((await t.PostAsync("cloudapi/locations/list", new { }, null)).Code, Is.EqualTo(502));
    }

    [Test]
    public async Task Slow_HoldsAnswersForTheDelayOnTheWallClock()
    {
        await using var t = await OvcTester.StartAsync();
        await ControlAsync(t, "faults", "{\"delayMs\":5000}");
        var started = t.First.Faults.DelayStarted;

        var call = t.PostAsync("cloudapi/locations/list", new { }, null);
        await started;
        Assert.That(call.IsCompleted, Is.False);
        t.Wall.Advance(TimeSpan.FromSeconds(5));
        Assert.That((await call).Code, Is.EqualTo(200));
    }

    [TestCase("{\"errorStatus\":404}")]
    [TestCase("{\"delayMs\":-1}")]
    [TestCase("{\"unhealthy\":[\"redis\"]}")]
    [TestCase("{\"down\":\"yes\"}")]
    [TestCase("[1,2]")]
    [TestCase("not json")]
    public async Task ControlEndpoint_RejectsBadFaults(string body)
    {
        await using var t = await OvcTester.StartAsync();
        using var response = await t.Http.PostAsync(t.Info.ControlUrl + "/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(t.First.Faults.Current, Is.EqualTo(FaultState.None));
    }

    [Test]
    public async Task ClockEndpoint_ShowsAndAdvancesDevnetTime()
    {
        await using var t = await OvcTester.StartAsync();
        var before = await ControlAsync(t, "clock", null);
        Assert.That(before["now"]!.GetValue<long>(), Is.EqualTo(OvcTester.Start.ToUnixTimeSeconds()));
        Assert.That(before["speed"]!.GetValue<double>(), Is.EqualTo(3600));

        var after = await ControlAsync(t, "clock/advance", "{\"seconds\":7200}");
        Assert.That(after["now"]!.GetValue<long>(), Is.EqualTo(OvcTester.Start.AddHours(2).ToUnixTimeSeconds()));
        Assert.That(t.Clock.GetUtcNow(), Is.EqualTo(OvcTester.Start.AddHours(2)));
    }

    private static async Task<JsonNode> ControlAsync(OvcTester t, string path, string? body)
    {
        using var response = body is null
            ? await t.Http.GetAsync($"{t.Info.ControlUrl}/{path}")
            : await t.Http.PostAsync($"{t.Info.ControlUrl}/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
