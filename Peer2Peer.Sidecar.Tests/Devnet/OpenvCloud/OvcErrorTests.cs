using System.Net;
using System.Text.Json.Nodes;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Unknown ids, missing and mistyped parameters, wrong verbs and business rules get the documented codes and bodies.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcErrorTests
{
    private static IEnumerable<TestCaseData> BadCalls()
    {
        yield return new TestCaseData("cloudapi/machines/get", "{}", 400, "Param with name:machineId is missing.").SetName("MissingParam");
        yield return new TestCaseData("cloudapi/machines/get", "{\"machineId\":\"abc\"}", 400, "Value of param machineId not correct needs to be of type int").SetName("MistypedInt");
        yield return new TestCaseData("cloudapi/machines/get", "{\"machineId\":1.5}", 400, "Value of param machineId not correct needs to be of type int").SetName("FractionalInt");
        yield return new TestCaseData("cloudapi/machines/stop", "{\"machineId\":1,\"force\":\"maybe\"}", 400, "Value of param force not correct needs to be of type bool").SetName("MistypedBool");
        yield return new TestCaseData("cloudapi/machines/get", "{\"machineId\":999}", 404, "Machine 999 not found").SetName("UnknownMachine");
        yield return new TestCaseData("cloudapi/cloudspaces/get", "{\"cloudspaceId\":999}", 404, "Could not find 999 of type cloudspace").SetName("UnknownCloudspace");
        yield return new TestCaseData("cloudapi/accounts/get", "{\"accountId\":999}", 404, "Could not find 999 of type account").SetName("UnknownAccount");
        yield return new TestCaseData("cloudapi/accounts/getConsumption", "{\"accountId\":999,\"start\":0,\"end\":1}", 404, "Could not find 999 of type account").SetName("ConsumptionUnknownAccount");
        yield return new TestCaseData("cloudapi/machines/list", "{}", 400, "Please specify a cloudsapce ID.").SetName("MachinesListWithoutCloudspace");
        yield return new TestCaseData("cloudapi/sizes/list", "{}", 400, "Either cloudspaceId or location should be given").SetName("SizesListWithoutScope");
        yield return new TestCaseData("cloudapi/sizes/list", "{\"cloudspaceId\":0}", 400, "Either cloudspaceId or location should be given").SetName("SizesListWithZeroCloudspace");
        yield return new TestCaseData("cloudapi/accounts/getConsumedCloudUnitsByType", "{\"accountId\":1,\"cutype\":\"CU_X\"}", 400, "Invalid cloud unit type: CU_X").SetName("BadCuType");
    }

    [TestCaseSource(nameof(BadCalls))]
    public async Task BadCall_GetsDocumentedStatusAndJsonStringBody(string path, string body, int status, string message)
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var reply = await t.PostAsync(path, body, token);
        Assert.That(reply.Code, Is.EqualTo(status), reply.Body);
        Assert.That(reply.ContentType, Is.EqualTo("application/json"));
        Assert.That(reply.Json!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task ValidationErrors_AreSynchronousEvenWithAsync_BusinessErrorsGoIntoTheTask()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var missing = await t.PostAsync("cloudapi/machines/get", "{\"_async\":true}", token);
        Assert.That(missing.Code, Is.EqualTo(400));
        var (ok, message) = await t.PostAsyncTaskAsync("cloudapi/machines/get", new JsonObject { ["machineId"] = 999 }, token);
        Assert.That(ok, Is.False);
        Assert.That(message!.GetValue<string>(), Is.EqualTo("Machine 999 not found"));
        var unauthenticated = await t.PostAsync("cloudapi/machines/get", "{\"_async\":true,\"machineId\":1}", null);
        Assert.That(unauthenticated.Code, Is.EqualTo(401), "the Go SDK expects 401 on the first request");
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task WrongVerb_Is404CouldNotFindMethod(string verb)
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var reply = await t.PostAsync("cloudapi/machines/list", verb == "GET" ? null : "{\"cloudspaceId\":1}", token, verb: verb);
        Assert.That(reply.Code, Is.EqualTo(404));
        Assert.That(reply.Body, Does.StartWith("Could not find method, path was /restmachine/cloudapi/machines/list"));
    }

    [TestCase("cloudapi/machines/nosuch")]
    [TestCase("cloudapi/nosuch/list")]
    [TestCase("cloudapi/machines")]
    [TestCase("cloudapi/machines/list/extra")]
    public async Task UnknownPath_Is404(string path)
    {
        await using var t = await OvcTester.StartAsync();
        var reply = await t.PostAsync(path, "{}", null);
        Assert.That(reply.Code, Is.EqualTo(404));
    }

    [Test]
    public async Task GetConsumption_AcceptsGetOnlyWithExactJsonAccept()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        async Task<HttpResponseMessage> GetAsync(string? accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{t.Info.BaseUrl}/restmachine/cloudapi/accounts/getConsumption?accountId={t.Info.AccountId}&start=0&end=2000000000");
            request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            return await t.Http.SendAsync(request);
        }

        using var json = await GetAsync("application/json");
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var other = await GetAsync(null);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable), "a real controller would stream a capnp zip here");
    }

    [Test]
    public async Task MachineCreate_BusinessRules()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        async Task<OvcReply> CreateAsync(Action<JsonObject> change)
        {
            var body = OvcCallsSyncAndAsyncTests.MachineBody(t, "m");
            change(body);
            return await t.PostAsync("cloudapi/machines/create", body.ToJsonString(), token);
        }

        Assert.That((await CreateAsync(_ => { })).Code, Is.EqualTo(200));
        var conflict = await CreateAsync(_ => { });
        Assert.That(conflict.Code, Is.EqualTo(409));
        Assert.That(conflict.Json!.GetValue<string>(), Is.EqualTo("Selected name already exists"));
        Assert.That((await CreateAsync(b => { b["name"] = "a"; b["disksize"] = 15; })).Code, Is.EqualTo(400), "15 GB is not in the size's disk list");
        Assert.That((await CreateAsync(b => { b["name"] = "b"; b["imageId"] = 3; b["disksize"] = 20; })).Code, Is.EqualTo(400), "Windows needs 50 GB");
        Assert.That((await CreateAsync(b => { b["name"] = "c"; b["imageId"] = 99; })).Code, Is.EqualTo(404));
        Assert.That((await CreateAsync(b => { b["name"] = "d"; b["sizeId"] = 99; })).Code, Is.EqualTo(404));
        Assert.That((await CreateAsync(b => { b["name"] = "e"; b["vcpus"] = 2; b["memory"] = 2048; })).Code, Is.EqualTo(400), "sizeId and vcpus/memory exclude each other");
        Assert.That((await CreateAsync(b => { b["name"] = "f"; b.Remove("sizeId"); })).Code, Is.EqualTo(400), "neither size nor vcpus/memory");
        var custom = await CreateAsync(b => { b["name"] = "g"; b.Remove("sizeId"); b["vcpus"] = 3; b["memory"] = 3072; });
        Assert.That(custom.Code, Is.EqualTo(200), custom.Body);
        var get = await t.PostAsync("cloudapi/machines/get", new { machineId = custom.Json!.GetValue<int>() }, token);
        Assert.That(get.Json!["sizeid"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(get.Json!["vcpus"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That((await CreateAsync(b => { b["name"] = "h"; b["datadisks"] = new JsonArray(10, 5000); })).Code, Is.EqualTo(400));
        Assert.That((await CreateAsync(b => { b["name"] = "i"; b["sizeId"] = 5; b["cloudspaceId"] = t.Info.CloudSpaceId; })).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task CloudSpaceCreate_DuplicateNameIs409_UnknownLocationIs400()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        var body = new { accountId = t.Info.AccountId, location = t.Info.Locations[0], name = "default", access = t.Info.ConsumerIdentity };

        Assert.That((await t.PostAsync("cloudapi/cloudspaces/create", body, token)).Code, Is.EqualTo(409));
        Assert.That((await t.PostAsync("cloudapi/cloudspaces/create", body with { name = "x", location = "mars-1" }, token)).Code, Is.EqualTo(400));
    }
}
