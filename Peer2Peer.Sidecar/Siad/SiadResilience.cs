using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Peer2Peer.Sidecar.Hosting;
using Polly.Timeout;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>
/// One pipeline for every siad call: total timeout ⟶ retry (safe calls only) ⟶ circuit breaker ⟶ attempt timeout.
/// Safe = reads, and re-submitting a signed transaction to /tpool/raw (siad answers 204 again). A spend
/// (/wallet/siacoins) or a state change is never retried here: its adapter decides.
/// </summary>
public static class SiadResilience
{
    private static readonly HashSet<string> SafePosts = new(StringComparer.Ordinal) { "/tpool/raw", "/consensus/validate/transactionset" };

    private static readonly HashSet<string> UnsafeGets = new(StringComparer.Ordinal) { "/daemon/stop", "/miner/start", "/miner/stop", "/wallet/address" };

    public static bool IsSafeToRetry(HttpRequestMessage? request)
    {
        if (request?.RequestUri is null)
        {
            return false;
        }

        var path = request.RequestUri.AbsolutePath;
        return request.Method == HttpMethod.Get ? !UnsafeGets.Contains(path) : request.Method == HttpMethod.Post && SafePosts.Contains(path);
    }

    /// <summary>Failures worth another attempt: transport errors, timeouts, 5xx, 408/429 and 1.5.x's 490 "module not loaded".</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || (int)response.StatusCode == 490
                                    || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SiadOptions options, TimeProvider time) =>
        HttpResilience.Configure(
            builder,
            // Open the circuit only when siad is clearly down, not for a burst of transient errors the retries absorb.
            new HttpResilienceLimits(options.TotalTimeout, options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, 0.7, 20, TimeSpan.FromSeconds(5)),
            time,
            (context, outcome) => IsTransient(outcome) && IsSafeToRetry(context.GetRequestMessage()),
            IsTransient);
}
