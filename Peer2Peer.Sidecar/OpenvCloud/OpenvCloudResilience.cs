using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Peer2Peer.Sidecar.Hosting;
using Polly.Timeout;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// One pipeline per controller (selected by URL authority, so one dead provider never opens the circuit for another):
/// total timeout ⟶ retry ⟶ circuit breaker ⟶ attempt timeout. Retried: reads (transport errors, timeouts, 5xx, 408),
/// and any call answered 429 (the rate limiter refused it before it ran). Machine create/start/stop/delete are never
/// retried on a failure that may have happened after the controller acted: <see cref="OpenvCloudClient"/> decides.
/// </summary>
public static class OpenvCloudResilience
{
    /// <summary>Calls that change nothing (or only open a session) and may be repeated freely.</summary>
    private static readonly HashSet<string> SafeMethods = new(StringComparer.Ordinal)
    {
        "cloudapi/locations/list",
        "cloudapi/locations/getUrl",
        "cloudapi/sizes/list",
        "cloudapi/images/list",
        "cloudapi/externalnetwork/list",
        "cloudapi/accounts/list",
        "cloudapi/accounts/get",
        "cloudapi/accounts/getConsumedCloudUnits",
        "cloudapi/accounts/getConsumedCloudUnitsByType",
        "cloudapi/accounts/getConsumption",
        "cloudapi/cloudspaces/list",
        "cloudapi/cloudspaces/get",
        "cloudapi/machines/list",
        "cloudapi/machines/get",
        "cloudapi/users/authenticate",
        "system/usermanager/whoami",
        "cloudbroker/health/status",
        "cloudbroker/grid/status",
    };

    /// <summary><c>app/actor/method</c> of a <c>…/restmachine/app/actor/method</c> URL, or null.</summary>
    public static string? MethodOf(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        var at = path.LastIndexOf("/restmachine/", StringComparison.Ordinal);
        return at < 0 ? null : path[(at + "/restmachine/".Length)..];
    }

    public static bool IsSafeToRetry(HttpRequestMessage? request) => MethodOf(request?.RequestUri) is { } method && SafeMethods.Contains(method);

    /// <summary>Failures worth another attempt of a safe call: transport errors, timeouts, 5xx, 408, 429.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
                                    || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, bool everythingSafe) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests || (IsTransient(outcome) && (everythingSafe || IsSafeToRetry(request)));

    /// <param name="everythingSafe">True for the identity endpoint, whose token requests may always be repeated.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, OpenvCloudOptions options, TimeProvider time, bool everythingSafe = false) =>
        HttpResilience.Configure(
            builder,
            new HttpResilienceLimits(options.TotalTimeout, options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, 0.5, 8, options.CircuitBreakDuration),
            time,
            (context, outcome) => ShouldRetry(outcome, context.GetRequestMessage(), everythingSafe),
            IsTransient);
}
