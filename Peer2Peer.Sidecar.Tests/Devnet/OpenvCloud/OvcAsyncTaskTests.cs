using System.Net;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>The <c>_async</c> protocol the Go SDK needs: a guid, 202 while running, <c>[true, result]</c>, 404 once expired.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcAsyncTaskTests
{
    [Test]
    public async Task Task_Answers202EmptyWhileRunning_ThenResult_Then404AfterRetention()
    {
        await using var t = await OvcTester.StartAsync(o =>
        {
            o.AsyncTaskDuration = TimeSpan.FromSeconds(3);
            o.TaskRetention = TimeSpan.FromMinutes(5);
        });
        var token = await t.ConsumerTokenAsync();

        // Exactly the Go SDK's bytes: compact, keys sorted, _async first, no Accept header.
        var submitted = await t.PostAsync("cloudapi/machines/list", $"{{\"_async\":true,\"cloudspaceId\":{t.Info.CloudSpaceId}}}", token);
        Assert.That(submitted.Code, Is.EqualTo(200));
        var guid = submitted.Json!.GetValue<string>();
        Assert.That(Guid.TryParse(guid, out _), Is.True);

        var running = await t.PostAsync("system/task/get", $"{{\"taskguid\":\"{guid}\"}}", token);
        Assert.That(running.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(running.Body, Is.Empty);

        t.Wall.Advance(TimeSpan.FromSeconds(3));
        var done = await t.PostAsync("system/task/get", new { taskguid = guid }, token);
        Assert.That(done.Body, Is.EqualTo("[true,[]]"));

        t.Wall.Advance(TimeSpan.FromMinutes(5));
        var expired = await t.PostAsync("system/task/get", new { taskguid = guid }, token);
        Assert.That(expired.Code, Is.EqualTo(404));
    }

    [Test]
    public async Task UnknownTask_Is404_MissingGuid_Is400()
    {
        await using var t = await OvcTester.StartAsync();
        Assert.That((await t.PostAsync("system/task/get", new { taskguid = Guid.NewGuid().ToString() }, null)).Code, Is.EqualTo(404));
        Assert.That((await t.PostAsync("system/task/get", new { }, null)).Code, Is.EqualTo(400));
    }

    [TestCase("true")]
    [TestCase("1")]
    [TestCase("\"true\"")]
    public async Task AsyncFlag_AcceptsPortalBooleans(string flag)
    {
        await using var t = await OvcTester.StartAsync();
        var reply = await t.PostAsync("cloudapi/locations/list", $"{{\"_async\":{flag}}}", null);
        Assert.That(Guid.TryParse(reply.Json!.GetValue<string>(), out _), Is.True, reply.Body);
    }

    [Test]
    public async Task AsyncFalse_AnswersDirectly()
    {
        await using var t = await OvcTester.StartAsync();
        var reply = await t.PostAsync("cloudapi/locations/list", "{\"_async\":false}", null);
        Assert.That(reply.Json!.AsArray(), Has.Count.EqualTo(2));
    }
}
