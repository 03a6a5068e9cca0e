using System.Collections.Concurrent;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>A real socket handler that counts what goes over the wire, by path.</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>Requests to this path are answered 500 here instead of reaching the server.</summary>
    public string? FailPath { get; set; }

    public int Count(string path) => Requests.GetValueOrDefault(path);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
        if (request.RequestUri.AbsolutePath == FailPath)
        {
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
            {
                RequestMessage = request,
                Content = new StringContent("{\"message\":\"injected\"}"),
            });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
