using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Devnet.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>
/// One OpenvCloud devnet per test: controllers on port 0 over a <see cref="FakeTimeProvider"/> wall clock and a
/// devnet clock 3600× faster (one fake second = one devnet hour), a fixed seed printed for reproduction, and
/// helpers that call the API the way the Go SDK does.
/// </summary>
internal sealed class OvcTester : IAsyncDisposable
{
    public const int Seed = 4242;
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private OvcTester(OpenvCloudCluster cluster, FakeTimeProvider wall)
    {
        Cluster = cluster;
        Wall = wall;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    public OpenvCloudCluster Cluster { get; }

    /// <summary>The base (wall) clock: auth expiry, async task latency and fault delays follow it.</summary>
    public FakeTimeProvider Wall { get; }

    public DevnetClock Clock => Cluster.Clock;

    public HttpClient Http { get; }

    public OpenvCloudController First => Cluster.Controllers[0];

    public OpenvCloudControllerInfo Info => First.Info;

    public static async Task<OvcTester> StartAsync(Action<OpenvCloudClusterOptions>? configure = null, int controllers = 1)
    {
        TestContext.Out.WriteLine($"OpenvCloud devnet: seed {Seed}, wall clock {Start:O}, devnet speed 3600");
        var wall = new FakeTimeProvider(Start);
        var options = new OpenvCloudClusterOptions { Controllers = controllers, Seed = Seed };
        configure?.Invoke(options);
        var clock = new DevnetClock(wall, 3600, Start);
        var cluster = await OpenvCloudCluster.StartAsync(options, clock, NullLoggerFactory.Instance);
        return new OvcTester(cluster, wall);
    }

    /// <summary>A JWT from the identity endpoint for the first controller's consumer, over HTTP.</summary>
    public async Task<string> ConsumerTokenAsync(OpenvCloudControllerInfo? info = null)
    {
        info ??= Info;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = info.ClientId,
            ["client_secret"] = info.ClientSecret,
            ["response_type"] = "id_token",
        });
        using var response = await Http.PostAsync(info.IdentityUrl + "/v1/oauth/access_token", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>POST with a JSON body and a lower-case bearer scheme, no Accept header: what the Go SDK sends.</summary>
    public async Task<OvcReply> PostAsync(string path, object? body, string? token, OpenvCloudControllerInfo? info = null, string verb = "POST")
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), (info ?? Info).BaseUrl + "/restmachine/" + path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
        }

        using var response = await Http.SendAsync(request);
        return new OvcReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The same call with <c>"_async": true</c>, then <c>system/task/get</c> until it is done.</summary>
    public async Task<(bool Ok, JsonNode? Result)> PostAsyncTaskAsync(string path, JsonObject body, string? token, OpenvCloudControllerInfo? info = null)
    {
        body["_async"] = true;
        var submitted = await PostAsync(path, body.ToJsonString(), token, info);
        Assert.That(submitted.Status, Is.EqualTo(HttpStatusCode.OK), submitted.Body);
        var guid = submitted.Json!.GetValue<string>();
        for (var poll = 0; poll < 5; poll++)
        {
            var reply = await PostAsync("system/task/get", new { taskguid = guid }, token, info);
            if (reply.Status == HttpStatusCode.Accepted)
            {
                Assert.That(reply.Body, Is.Empty);
                continue;
            }

            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
            var array = reply.Json!.AsArray();
            Assert.That(array, Has.Count.EqualTo(2));
            return (array[0]!.GetValue<bool>(), array[1]?.DeepClone());
        }

        throw new AssertionException($"task {guid} did not finish");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }
}

internal sealed record OvcReply(HttpStatusCode Status, string Body, string? ContentType)
{
    public JsonNode? Json => JsonNode.Parse(Body);

    public int Code => (int)Status;
}
