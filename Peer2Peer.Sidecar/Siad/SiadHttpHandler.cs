using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>Adds what siad requires of every request: a Sia-Agent User-Agent and Basic auth with an empty user name.</summary>
public sealed class SiadHttpHandler(IOptions<SiadOptions> options, SiadPassword password) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", options.Value.UserAgent);
        if (password.Value is { } secret)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + secret)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
