using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.OpenvCloud.Auth;
using Refit;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// Builds an <see cref="IOpenvCloudClient"/> for any controller and credentials: Refit (source-generated) over
/// auth handler ⟶ the <c>openvcloud</c> named client's pooled chain (resilience per controller authority, primary handler).
/// </summary>
public sealed class OpenvCloudClientFactory(
    IHttpClientFactory clients,
    IHttpMessageHandlerFactory handlers,
    IOpenvCloudHealthProbe probe,
    IOptions<OpenvCloudOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IOpenvCloudClientFactory
{
    public IOpenvCloudClient Create(Uri baseUrl, OpenvCloudCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credentials);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"an OpenvCloud controller URL must be absolute http(s), got '{baseUrl}'", nameof(baseUrl));
        }

        var settings = options.Value;
        var redactor = credentials.CreateRedactor();
        var logger = loggers.CreateLogger<OpenvCloudClient>();
        var refit = new RefitSettings(new OpenvCloudJsonSerializer(settings.MaxResponseBytes, redactor))
        {
            ExceptionFactory = response => new ValueTask<Exception?>(OpenvCloudErrorMapper.MapAsync(response, redactor)),
        };

        // Credentials travel only on the client's own requests: the login call goes around the auth handler.
        var bare = RestService.ForGenerated<IOpenvCloudApi>(NewHttpClient(new PooledHandler(handlers, OpenvCloudServiceCollectionExtensions.ApiClientName), baseUrl), refit);
        IOpenvCloudAuthenticator authenticator = credentials.Mode switch
        {
            OpenvCloudAuthMode.Jwt => new JwtTokenSource(credentials, () => clients.CreateClient(OpenvCloudServiceCollectionExtensions.IdentityClientName), time,
                settings.TokenRenewBefore, redactor, logger),
            OpenvCloudAuthMode.Authkey => new AuthkeySession(credentials,
                async ct => await bare.AuthenticateAsync(new Dtos.AuthenticateRequest { Username = credentials.Username!, Password = credentials.Password! }, ct),
                redactor, logger),
            _ => NoAuthenticator.Instance,
        };
        var authHandler = new OpenvCloudAuthHandler(authenticator) { InnerHandler = new PooledHandler(handlers, OpenvCloudServiceCollectionExtensions.ApiClientName) };
        var api = RestService.ForGenerated<IOpenvCloudApi>(NewHttpClient(authHandler, baseUrl), refit);
        return new OpenvCloudClient(baseUrl, api, probe, settings.ProbeTimeout, redactor, logger);
    }

    private static HttpClient NewHttpClient(HttpMessageHandler handler, Uri baseUrl) =>
        new(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/')),
            // Polly owns timeouts; HttpClient's own would cut retries short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
