using System.Net;
using System.Text.Json.Nodes;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Every read call answers the same synchronously and through <c>_async</c> + <c>system/task/get</c>.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcCallsSyncAndAsyncTests
{
    private static IEnumerable<TestCaseData> ReadCalls()
    {
        yield return Case("cloudapi/locations/list", _ => []);
        yield return Case("cloudapi/locations/getUrl", _ => []);
        yield return Case("cloudapi/sizes/list", i => new JsonObject { ["cloudspaceId"] = i.CloudSpaceId });
        yield return Case("cloudapi/sizes/list", i => new JsonObject { ["location"] = i.Locations[0] });
        yield return Case("cloudapi/images/list", i => new JsonObject { ["accountId"] = i.AccountId });
        yield return Case("cloudapi/externalnetwork/list", _ => []);
        yield return Case("cloudapi/accounts/list", _ => []);
        yield return Case("cloudapi/accounts/get", i => new JsonObject { ["accountId"] = i.AccountId });
        yield return Case("cloudapi/accounts/getConsumedCloudUnits", i => new JsonObject { ["accountId"] = i.AccountId });
        yield return Case("cloudapi/accounts/getConsumedCloudUnitsByType", i => new JsonObject { ["accountId"] = i.AccountId, ["cutype"] = "CU_M" });
        yield return Case("cloudapi/accounts/getConsumption", i => new JsonObject { ["accountId"] = i.AccountId, ["start"] = 0, ["end"] = 2_000_000_000 });
        yield return Case("cloudapi/cloudspaces/list", _ => new JsonObject { ["includedeleted"] = false });
        yield return Case("cloudapi/cloudspaces/get", i => new JsonObject { ["cloudspaceId"] = i.CloudSpaceId });
        yield return Case("cloudapi/machines/list", i => new JsonObject { ["cloudspaceId"] = i.CloudSpaceId });
        yield return Case("system/usermanager/whoami", _ => []);
        yield return Case("cloudbroker/health/status", _ => []);
        yield return Case("cloudbroker/grid/status", _ => []);
    }

    [TestCaseSource(nameof(ReadCalls))]
    public async Task ReadCall_SyncAndAsync_GiveTheSameResult(string path, Func<Peer2Peer.Devnet.OpenvCloud.OpenvCloudControllerInfo, JsonObject> body)
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var sync = await t.PostAsync(path, body(t.Info).ToJsonString(), token);
        Assert.That(sync.Status, Is.EqualTo(HttpStatusCode.OK), sync.Body);
        Assert.That(sync.ContentType, Is.EqualTo("application/json"));

        var (ok, result) = await t.PostAsyncTaskAsync(path, body(t.Info), token);
        Assert.That(ok, Is.True, result?.ToJsonString());
        Assert.That(JsonNode.DeepEquals(result, sync.Json), Is.True, $"sync {sync.Body} vs async {result?.ToJsonString()}");
    }

    [Test]
    public async Task MachineLifecycle_Sync()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var create = await t.PostAsync("cloudapi/machines/create", MachineBody(t, "web1").ToJsonString(), token);
        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.OK), create.Body);
        Assert.That(create.Body, Does.Match("^[0-9]+$"), "machines.create returns a JSON integer");
        var id = create.Json!.GetValue<int>();

        foreach (var (method, status) in new[] { ("stop", "HALTED"), ("start", "RUNNING") })
        {
            var reply = await t.PostAsync($"cloudapi/machines/{method}", new { machineId = id }, token);
            Assert.That(reply.Body, Is.EqualTo("true"));
            var get = await t.PostAsync("cloudapi/machines/get", new { machineId = id }, token);
            Assert.That(get.Json!["status"]!.GetValue<string>(), Is.EqualTo(status));
        }

        var delete = await t.PostAsync("cloudapi/machines/delete", new { machineId = id, permanently = false }, token);
        Assert.That(delete.Body, Is.EqualTo("true"));
        var gone = await t.PostAsync("cloudapi/machines/get", new { machineId = id }, token);
        Assert.That(gone.Code, Is.EqualTo(404));
    }

    [Test]
    public async Task MachineLifecycle_Async()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var (created, idNode) = await t.PostAsyncTaskAsync("cloudapi/machines/create", MachineBody(t, "web1"), token);
        Assert.That(created, Is.True, idNode?.ToJsonString());
        Assert.That(idNode!.ToJsonString(), Does.Match("^[0-9]+$"), "the task result is a JSON integer");
        var id = idNode.GetValue<int>();

        var (_, listed) = await t.PostAsyncTaskAsync("cloudapi/machines/list", new JsonObject { ["cloudspaceId"] = t.Info.CloudSpaceId }, token);
        Assert.That(listed!.AsArray().Select(m => m!["id"]!.GetValue<int>()), Does.Contain(id));

        foreach (var (method, status) in new[] { ("stop", "HALTED"), ("start", "RUNNING") })
        {
            var (ok, result) = await t.PostAsyncTaskAsync($"cloudapi/machines/{method}", new JsonObject { ["machineId"] = id }, token);
            Assert.That(ok && result!.GetValue<bool>(), Is.True);
            var (_, got) = await t.PostAsyncTaskAsync("cloudapi/machines/get", new JsonObject { ["machineId"] = id }, token);
            Assert.That(got!["status"]!.GetValue<string>(), Is.EqualTo(status));
        }

        var (deleted, _) = await t.PostAsyncTaskAsync("cloudapi/machines/delete", new JsonObject { ["machineId"] = id, ["permanently"] = true }, token);
        Assert.That(deleted, Is.True);
        var (found, message) = await t.PostAsyncTaskAsync("cloudapi/machines/get", new JsonObject { ["machineId"] = id }, token);
        Assert.That(found, Is.False);
        Assert.That(message!.GetValue<string>(), Is.EqualTo("Could not find an accessible resource."));
    }

    [Test]
    public async Task CloudSpaceCreate_SyncAndAsync()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        JsonObject Body(string name) => new()
        {
            ["accountId"] = t.Info.AccountId, ["location"] = t.Info.Locations[0], ["name"] = name, ["access"] = t.Info.ConsumerIdentity,
        };

        var sync = await t.PostAsync("cloudapi/cloudspaces/create", Body("sync").ToJsonString(), token);
        Assert.That(sync.Body, Does.Match("^[0-9]+$"));
        var (ok, id) = await t.PostAsyncTaskAsync("cloudapi/cloudspaces/create", Body("async"), token);
        Assert.That(ok, Is.True);
        Assert.That(id!.GetValue<int>(), Is.EqualTo(sync.Json!.GetValue<int>() + 1));
    }

    [Test]
    public async Task LegacyAuthenticate_SyncAndAsync_ReturnSessionKeys()
    {
        await using var t = await OvcTester.StartAsync();
        var body = new JsonObject { ["username"] = t.Info.ConsumerUsername, ["password"] = t.Info.ConsumerPassword };

        var sync = await t.PostAsync("cloudapi/users/authenticate", body.ToJsonString(), null);
        Assert.That(sync.Json!.GetValue<string>(), Has.Length.EqualTo(32));
        var (ok, key) = await t.PostAsyncTaskAsync("cloudapi/users/authenticate", body, null);
        Assert.That(ok, Is.True);
        Assert.That(key!.GetValue<string>(), Has.Length.EqualTo(32));
    }

    internal static JsonObject MachineBody(OvcTester t, string name, int sizeId = 2, int disksize = 10) => new()
    {
        ["cloudspaceId"] = t.Info.CloudSpaceId,
        ["description"] = "devnet test",
        ["disksize"] = disksize,
        ["imageId"] = 1,
        ["name"] = name,
        ["sizeId"] = sizeId,
    };

    private static TestCaseData Case(string path, Func<Peer2Peer.Devnet.OpenvCloud.OpenvCloudControllerInfo, JsonObject> body) =>
        new TestCaseData(path, body).SetArgDisplayNames(path + (body is null ? "" : ""));
}
