using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// <c>POST /restmachine/cloudbroker/health/status {}</c> (§3.1, §5.2) against any controller: no credentials, one
/// attempt, a timeout per probe. 200 with every component true = up; 503 (or 200) with the status object showing a
/// false component = degraded; anything else (no answer, timeout, HTML error, not a status object) = down.
/// </summary>
public sealed partial class OpenvCloudHealthProbe(IHttpClientFactory clients, TimeProvider time, ILogger<OpenvCloudHealthProbe> logger) : IOpenvCloudHealthProbe
{
    private const int MaxBody = 16 * 1024;

    public async Task<OvcHealth> ProbeAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        OvcHealth health;
        try
        {
            health = await ProbeOnceAsync(baseUrl, started, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            health = Down(started, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OpenvCloudException)
        {
            health = Down(started, "unreachable: " + e.Message);
        }

        LogProbed(logger, baseUrl.GetLeftPart(UriPartial.Authority), health.State, health.Latency.TotalMilliseconds, health.Problem ?? "");
        return health;
    }

    private async Task<OvcHealth> ProbeOnceAsync(Uri baseUrl, long started, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/restmachine/cloudbroker/health/status");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await clients.CreateClient(OpenvCloudServiceCollectionExtensions.ProbeClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var (bytes, complete) = await BoundedContent.ReadPrefixAsync(response.Content, MaxBody, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
        {
            var message = OpenvCloudErrorMapper.Message(Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentType?.MediaType, new SecretRedactor());
            return Down(started, $"answered {(int)response.StatusCode}: {message}");
        }

        var components = complete ? Components(bytes) : null;
        if (components is null)
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var message = OpenvCloudErrorMapper.Message(Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentType?.MediaType, new SecretRedactor());
                return new OvcHealth(OvcHealthState.Degraded, new Dictionary<string, bool>(), Elapsed(started), $"answered 503: {message}");
            }

            return Down(started, "answered 200 without a health status object");
        }

        var failing = components.Where(c => !c.Value).Select(c => c.Key).ToList();
        if (response.StatusCode == HttpStatusCode.OK && failing.Count == 0)
        {
            return new OvcHealth(OvcHealthState.Up, components, Elapsed(started), null);
        }

        var problem = failing.Count > 0 ? "failing: " + string.Join(", ", failing) : "answered 503";
        return new OvcHealth(OvcHealthState.Degraded, components, Elapsed(started), problem);
    }

    /// <summary>The status object (component → bool), or null when the body is not one.</summary>
    private static Dictionary<string, bool>? Components(byte[] bytes)
    {
        try
        {
            if (JToken.Parse(Encoding.UTF8.GetString(bytes)) is not JObject status || status.Count is 0 or > 64)
            {
                return null;
            }

            var components = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (name, value) in status)
            {
                if (value?.Type != JTokenType.Boolean || name.Length > 64)
                {
                    return null;
                }

                components[name] = (bool)value;
            }

            return components;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private OvcHealth Down(long started, string problem) =>
        new(OvcHealthState.Down, new Dictionary<string, bool>(), Elapsed(started), problem.Length <= 300 ? problem : problem[..300] + "…");

    private TimeSpan Elapsed(long started) => time.GetElapsedTime(started);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OpenvCloud health of {Controller}: {State} in {LatencyMs} ms {Problem}")]
    private static partial void LogProbed(ILogger logger, string controller, OvcHealthState state, double latencyMs, string problem);
}
