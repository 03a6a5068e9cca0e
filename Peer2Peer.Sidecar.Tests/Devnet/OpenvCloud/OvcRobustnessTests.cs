using System.Net;
using System.Text;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Nothing a client sends crashes a controller: bad bodies get 4xx, and it keeps answering afterwards.</summary>
[Category("Devnet")]
[CancelAfter(60_000)]
public sealed class OvcRobustnessTests
{
    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return new TestCaseData("{", 400).SetName("TruncatedJson");
        yield return new TestCaseData("[1,2,3]", 400).SetName("ArrayBody");
        yield return new TestCaseData("\"text\"", 400).SetName("StringBody");
        yield return new TestCaseData("{\"machineId\":99999999999999999999999}", 400).SetName("HugeInteger");
        yield return new TestCaseData("{\"machineId\":1e400}", 400).SetName("InfiniteNumber");
        yield return new TestCaseData("{\"machineId\":{\"a\":1}}", 400).SetName("ObjectForInt");
        yield return new TestCaseData("{\"machineId\":[1]}", 400).SetName("ArrayForInt");
        yield return new TestCaseData("{\"machineId\":null}", 400).SetName("NullRequired");
        yield return new TestCaseData("{\"machineId\":true}", 400).SetName("BoolForInt");
        yield return new TestCaseData("{\"machineId\":-5}", 404).SetName("NegativeId");
        yield return new TestCaseData(new string('[', 5000) + new string(']', 5000), 400).SetName("DeepNesting");
        yield return new TestCaseData("{\"machineId\":\"\\u0000\"}", 400).SetName("NulCharacter");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task BadBody_GetsA4xx_AndTheControllerStillAnswers(string body, int status)
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var reply = await t.PostAsync("cloudapi/machines/get", body, token);
        Assert.That(reply.Code, Is.EqualTo(status), reply.Body);
        Assert.That((await t.PostAsync("cloudbroker/health/status", new { }, null)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task FormAndQueryParameters_AreMergedLikeThePortal()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{t.Info.BaseUrl}/restmachine/cloudapi/machines/list?cloudspaceId=999");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["cloudspaceId"] = t.Info.CloudSpaceId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var response = await t.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the body wins over the query string");

        var format = await t.PostAsync("cloudapi/locations/list?format=json", "{}", null);
        Assert.That(format.Json!["result"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task OversizedBody_Is413()
    {
        await using var t = await OvcTester.StartAsync();
        var big = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var reply = await t.PostAsync("cloudapi/locations/list", big, null);
        Assert.That(reply.Code, Is.EqualTo(413));
    }

    [Test]
    public async Task RandomBytes_NeverCauseA5xx()
    {
        const int seed = 20260105;
        TestContext.Out.WriteLine($"random bodies from seed {seed}");
        var random = new Random(seed);
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        string[] paths = ["cloudapi/machines/create", "cloudapi/accounts/getConsumption", "cloudapi/cloudspaces/create", "system/task/get", "cloudapi/sizes/list"];
        string[] fragments = ["{", "}", "\"", ":", ",", "[", "]", "1", "-1", "1.5", "true", "null", "\"cloudspaceId\"", "\"accountId\"", "\"start\"", "\"sizeId\"", "\"_async\"", "\"name\"", "\"x\"", "\"\\u00e9\""];

        for (var i = 0; i < 200; i++)
        {
            var body = new StringBuilder("{");
            for (var j = random.Next(8); j > 0; j--)
            {
                body.Append(fragments[random.Next(fragments.Length)]);
            }

            var reply = await t.PostAsync(paths[i % paths.Length], body.ToString(), token);
            Assert.That(reply.Code, Is.LessThan(500), $"seed {seed} body #{i} {body}: {reply.Body}");
        }

        Assert.That((await t.PostAsync("cloudbroker/health/status", new { }, null)).Code, Is.EqualTo(200));
    }
}
