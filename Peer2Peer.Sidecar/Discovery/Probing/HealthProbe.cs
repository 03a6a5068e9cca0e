using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Discovery.Probing;

/// <summary>
/// One unauthenticated <c>POST {apiUrl}{HealthPath} {}</c> to a provider's OpenvCloud (OPENVCLOUD.md §3.1, §5.2) with
/// a timeout: 200 is up, 503 with a status object is degraded, anything else is down. The answer is untrusted: at most
/// <see cref="MaxBodyBytes"/> are read, garbage is tolerated, and only component names made of plain characters are kept.
/// </summary>
public sealed class HealthProbe(IHttpClientFactory clients, IOptions<DiscoveryOptions> options, TimeProvider time)
{
    /// <summary>The named HttpClient: no credentials, no cookies, no redirects.</summary>
    public const string HttpClientName = "discovery-probe";

    public const int MaxBodyBytes = 4096;

    public async Task<ProbeResult> ProbeAsync(string apiUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!Uri.TryCreate(apiUrl.TrimEnd('/') + settings.HealthPath, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new ProbeResult(ProbeOutcome.Down, null, null, "not an http(s) URL");
        }

        using var timeout = new CancellationTokenSource(settings.ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadCappedAsync(response.Content, linked.Token);
            return Classify(response.StatusCode, body, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Down, null, null, $"no answer within {settings.ProbeTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(ProbeOutcome.Down, null, null, e.HttpRequestError.ToString());
        }
    }

    internal static ProbeResult Classify(HttpStatusCode status, byte[]? body, TimeSpan latency)
    {
        var code = (int)status;
        if (status == HttpStatusCode.OK)
        {
            return new ProbeResult(ProbeOutcome.Up, latency, code, null);
        }

        if (status == HttpStatusCode.ServiceUnavailable && FailingComponents(body) is { } failing)
        {
            return new ProbeResult(ProbeOutcome.Degraded, latency, code, failing.Count == 0 ? "degraded" : "failing: " + string.Join(", ", failing));
        }

        return new ProbeResult(ProbeOutcome.Down, latency, code, $"HTTP {code}");
    }

    /// <summary>The components a status object reports false; null when the body is not a JSON object (an HTML 503 is down, not degraded).</summary>
    private static List<string>? FailingComponents(byte[]? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.False && IsPlainName(p.Name))
                .Select(p => p.Name)
                .Take(8)
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsPlainName(string name) => name.Length is > 0 and <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The body, or null when it is larger than the cap (never buffered past it).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read > MaxBodyBytes ? null : buffer[..read];
    }
}
