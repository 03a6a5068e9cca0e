using System.Net;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>The prober: up, degraded, down, timeouts, untrusted bodies, and uptime over 24 h and 7 d on fake time.</summary>
[Category("Unit")]
public sealed class ProviderProberTests
{
    private const string HealthPath = "/restmachine/cloudbroker/health/status";

    [Test]
    public async Task EachProviderIsProbedUnauthenticatedAndMarkedUpDegradedOrDown()
    {
        var handler = new AsyncStubHandler((request, _) => Task.FromResult(request.RequestUri!.Host switch
        {
            "up.example.com" => StubHttpHandler.Json(HttpStatusCode.OK, """{"mongodb":true,"influxdb":true,"healtcheckalive":true}"""),
            "degraded.example.com" => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"mongodb":true,"influxdb":false,"healtcheckalive":true}"""),
            "html.example.com" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>maintenance</html>") },
            "error.example.com" => StubHttpHandler.Json(HttpStatusCode.InternalServerError, "{}"),
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
        }));
        await using var host = new ProberTestHost(handler);
        await host.AnnounceAsync("https://up.example.com", "https://degraded.example.com/", "https://html.example.com", "https://error.example.com", "https://gone.example.com");

        Assert.That(await host.Prober.ProbeAllAsync(CancellationToken.None), Is.EqualTo(5));

        var health = Enumerable.Range(1, 5).Select(i => host.Queries.GetProvider(Public(i).ToString())!.Health!).ToArray();
        Assert.That(health.Select(h => h.LastOutcome), Is.EqualTo(new[] { ProbeOutcome.Up, ProbeOutcome.Degraded, ProbeOutcome.Down, ProbeOutcome.Down, ProbeOutcome.Down }));
        Assert.That(health.Select(h => h.Online), Is.EqualTo(new[] { true, true, false, false, false }));
        Assert.That(host.Queries.GetProbes(Public(2).ToString()).Single().Result.Detail, Is.EqualTo("failing: influxdb"));
        Assert.That(host.Queries.ListProviders().Total, Is.EqualTo(5), "offline providers are never removed");
        Assert.That(host.Queries.ListProviders(new ProviderFilter { OnlineOnly = true }).Items.Select(p => p.ProviderKey), Is.EquivalentTo(new[] { Public(1).ToString(), Public(2).ToString() }));
        Assert.Multiple(() =>
        {
            foreach (var request in handler.Requests)
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
                Assert.That(request.RequestUri!.AbsolutePath, Is.EqualTo(HealthPath));
                Assert.That(request.Headers.Authorization, Is.Null, "the probe never sends credentials");
                Assert.That(request.Headers.Contains("Cookie"), Is.False);
            }

            Assert.That(handler.Bodies, Is.All.EqualTo("{}"));
        });
    }

    [Test]
    public async Task AProbeWithoutAnAnswerTimesOutAsDownOnFakeTime()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncStubHandler(async (_, token) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        await using var host = new ProberTestHost(handler, new Dictionary<string, string?> { ["Discovery:ProbeTimeout"] = "00:00:05" });
        await host.AnnounceAsync("https://hung.example.com");

        var round = host.Prober.ProbeAllAsync(CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await round.WaitAsync(TimeSpan.FromSeconds(30));

        var probe = host.Queries.GetProbes(Public(1).ToString()).Single().Result;
        Assert.That(probe.Outcome, Is.EqualTo(ProbeOutcome.Down));
        Assert.That(probe.Detail, Is.EqualTo("no answer within 5 s"));
    }

    [Test]
    public async Task UntrustedBodiesAreCappedAndGarbageIsTolerated()
    {
        var huge = new string('x', HealthProbe.MaxBodyBytes * 10);
        var handler = new AsyncStubHandler((request, _) => Task.FromResult(request.RequestUri!.Host switch
        {
            "huge.example.com" => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, $$"""{"mongodb":false,"pad":"{{huge}}"}"""),
            "garbage.example.com" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent([0xFF, 0x00, 0x7B, 0x22]) },
            "array.example.com" => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "[false]"),
            "names.example.com" => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"<script>":false,"mongodb":false}"""),
            _ => StubHttpHandler.Json(HttpStatusCode.OK, "not json at all"),
        }));
        await using var host = new ProberTestHost(handler);
        await host.AnnounceAsync("https://huge.example.com", "https://garbage.example.com", "https://array.example.com", "https://names.example.com", "https://ok.example.com");

        await host.Prober.ProbeAllAsync(CancellationToken.None);

        var results = Enumerable.Range(1, 5).Select(i => host.Queries.GetProbes(Public(i).ToString()).Single().Result).ToArray();
        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { ProbeOutcome.Down, ProbeOutcome.Down, ProbeOutcome.Down, ProbeOutcome.Degraded, ProbeOutcome.Up }));
        Assert.That(results[3].Detail, Is.EqualTo("failing: mongodb"), "names that are not plain are dropped");
    }

    [Test]
    public async Task UptimeIsTheShareOfUpProbesOver24HoursAnd7Days()
    {
        var script = new Queue<HttpStatusCode>([
            HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable,
            HttpStatusCode.OK, HttpStatusCode.BadGateway]);
        var handler = new AsyncStubHandler((_, _) => Task.FromResult(StubHttpHandler.Json(script.Dequeue(), """{"influxdb":false}""")));
        await using var host = new ProberTestHost(handler);
        await host.AnnounceAsync("https://p.example.com");
        var key = Public(1).ToString();

        // t0 .. t0+3h: up, down, up, degraded
        for (var i = 0; i < 4; i++)
        {
            await host.Prober.ProbeAllAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var afterFour = host.Queries.GetProvider(key)!.Health!;
        Assert.That((afterFour.Uptime24h, afterFour.Uptime7d, afterFour.Online), Is.EqualTo((0.5, 0.5, true)), "2 of 4 up; degraded is online");

        // t0+28h: up. The first four are now outside 24 h but inside 7 d.
        host.Time.Advance(TimeSpan.FromHours(24));
        await host.Prober.ProbeAllAsync(CancellationToken.None);
        var nextDay = host.Queries.GetProvider(key)!.Health!;
        Assert.That((nextDay.Uptime24h, nextDay.Uptime7d), Is.EqualTo((1.0, 0.6)));

        // Exactly 7 days later: down. Everything before has left both windows (and is pruned).
        host.Time.Advance(TimeSpan.FromDays(7));
        await host.Prober.ProbeAllAsync(CancellationToken.None);
        var week = host.Queries.GetProvider(key)!.Health!;
        Assert.That((week.Uptime24h, week.Uptime7d, week.Online), Is.EqualTo((0.0, 0.0, false)));
        Assert.That(host.Queries.GetProbes(key, 100), Has.Count.EqualTo(1));
        Assert.That(week.LastProbeAt, Is.EqualTo(host.Time.GetUtcNow()));
    }

    [Test]
    public async Task TheScheduleRunsARoundEveryIntervalOnFakeTime()
    {
        var calls = 0;
        var handler = new AsyncStubHandler((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK, "{}"));
        });
        await using var host = new ProberTestHost(handler, new Dictionary<string, string?> { ["Discovery:ProbeInterval"] = "00:00:30" });
        await host.AnnounceAsync("https://p.example.com");
        var prober = host.Prober;
        var roundTimes = new List<DateTimeOffset?>();
        var waiting = new SemaphoreSlim(0);
        prober.Waiting += () => waiting.Release();

        await prober.StartAsync(CancellationToken.None);
        try
        {
            for (var round = 1; round <= 3; round++)
            {
                Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(30)), Is.True, $"round {round} never finished");
                roundTimes.Add(prober.LastRoundAt);
                host.Time.Advance(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            await prober.StopAsync(CancellationToken.None);
        }

        var start = roundTimes[0]!.Value;
        Assert.That(roundTimes, Is.EqualTo(new DateTimeOffset?[] { start, start.AddSeconds(30), start.AddSeconds(60) }));
        Assert.That(calls, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void TheOptionsValidatorNamesTheKey()
    {
        var result = new DiscoveryOptionsValidator().Validate(null, new DiscoveryOptions { ProbeConcurrency = 0, HealthPath = "health", ProbeTimeout = TimeSpan.Zero, ProbeInterval = TimeSpan.Zero });

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Discovery:ProbeInterval must be at least 1 second, got 00:00:00",
            "Discovery:ProbeTimeout must be positive and at most 5 minutes, got 00:00:00",
            "Discovery:ProbeConcurrency must be between 1 and 256, got 0",
            "Discovery:HealthPath must be a path starting with '/', got 'health'",
        }));
        Assert.That(new DiscoveryOptionsValidator().Validate(null, new DiscoveryOptions()).Succeeded, Is.True);
    }
}
