using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>An HTTP server in a handler: each request is recorded and answered by the test's function.</summary>
public sealed class StubHttpHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<(HttpMethod Method, string PathAndQuery, string? UserAgent, string? Authorization, string? Body)> Requests { get; } = new();

    /// <summary>Injected latency per request (request, its number); cancelled like a real slow server when the client gives up.</summary>
    public Func<HttpRequestMessage, int, TimeSpan>? Latency { get; init; }

    public int Count(string path) => Requests.Count(r => r.PathAndQuery.Split('?')[0] == path);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!.PathAndQuery, request.Headers.UserAgent.ToString(), request.Headers.Authorization?.ToString(), body));
        var number = Interlocked.Increment(ref _count);
        if (Latency?.Invoke(request, number) is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        var response = respond(request, number);
        response.RequestMessage = request;
        return response;
    }
}
