using System.Net;

namespace Peer2Peer.Sidecar.OpenvCloud.Auth;

/// <summary>
/// Outermost handler of one client: adds the credential, and when the controller refuses it (401 JWT / 419 authkey)
/// renews it once and repeats that request once. Safe for every call: a refused request was not executed.
/// A 202 (accepted, not finished) becomes an <see cref="OpenvCloudPendingException"/>: a synchronous client has no result.
/// </summary>
internal sealed class OpenvCloudAuthHandler(IOpenvCloudAuthenticator authenticator) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var used = await authenticator.ApplyAsync(request, null, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (used is not null && authenticator.IsRejection(response))
        {
            response.Dispose();
            await authenticator.ApplyAsync(request, used, cancellationToken);
            response = await base.SendAsync(request, cancellationToken);
        }

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var path = request.RequestUri?.AbsolutePath ?? "?";
            response.Dispose();
            throw new OpenvCloudPendingException(path);
        }

        return response;
    }
}

/// <summary>
/// Sends through the named client's pooled handler chain (resilience + primary), fetched per request so handler
/// rotation (DNS changes) applies to long-lived clients too.
/// </summary>
internal sealed class PooledHandler(IHttpMessageHandlerFactory factory, string name) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var invoker = new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
