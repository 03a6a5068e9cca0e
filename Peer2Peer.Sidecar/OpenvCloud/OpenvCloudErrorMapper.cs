using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>Turns a controller's non-2xx answers (§1.5) into typed exceptions (Refit's ExceptionFactory).</summary>
public static partial class OpenvCloudErrorMapper
{
    private const int MaxErrorBody = 8 * 1024;
    private const int MaxMessage = 300;

    public static async Task<Exception?> MapAsync(HttpResponseMessage response, SecretRedactor redactor)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "?";
        string body;
        try
        {
            var (bytes, _) = await BoundedContent.ReadPrefixAsync(response.Content, MaxErrorBody, CancellationToken.None);
            body = Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            body = "(the error body could not be read)";
        }

        return Map(response.StatusCode, Message(body, response.Content.Headers.ContentType?.MediaType, redactor), path);
    }

    public static OpenvCloudApiException Map(HttpStatusCode status, string message, string path) => (int)status switch
    {
        400 => new OpenvCloudBadRequestException(message, path),
        401 or 419 => new OpenvCloudAuthenticationException(status, message, path),
        403 => new OpenvCloudForbiddenException(message, path),
        404 => new OpenvCloudNotFoundException(message, path),
        409 => new OpenvCloudConflictException(message, path),
        429 => new OpenvCloudRateLimitedException(message, path),
        >= 500 and <= 599 => new OpenvCloudServerException(status, message, path),
        _ => new OpenvCloudApiException(status, message, path),
    };

    /// <summary>
    /// The server's words, safe to show: a JSON string unquoted, a JSON object compacted, an HTML page reduced to its
    /// <c>eco-…</c> support reference or its text, plain text trimmed; control characters dropped, bounded, redacted.
    /// </summary>
    public static string Message(string body, string? mediaType, SecretRedactor redactor)
    {
        var text = body.Trim();
        if (text.Length > 0 && text[0] is '"' or '{' or '[')
        {
            try
            {
                var token = JToken.Parse(text);
                text = token.Type == JTokenType.String ? (string)token! : token.ToString(Newtonsoft.Json.Formatting.None);
            }
            catch (Newtonsoft.Json.JsonException)
            {
            }
        }
        else if (mediaType == "text/html" || text.StartsWith('<'))
        {
            text = EcoReference().Match(text) is { Success: true } eco
                ? $"internal server error, support reference {eco.Value}"
                : Whitespace().Replace(Tags().Replace(text, " "), " ").Trim();
        }

        var clean = new StringBuilder(Math.Min(text.Length, MaxMessage));
        foreach (var c in text)
        {
            if (clean.Length >= MaxMessage)
            {
                clean.Append('…');
                break;
            }

            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        var message = redactor.Redact(clean.ToString().Trim());
        return message.Length == 0 ? "(no message)" : message;
    }

    [GeneratedRegex("eco-[0-9]+-[0-9a-fA-F-]{8,40}")]
    private static partial Regex EcoReference();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
