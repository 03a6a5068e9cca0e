using System.Net;
using Newtonsoft.Json;
using Peer2Peer.Sidecar.Siad.Dtos;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>Turns siad's non-2xx answers into typed exceptions (Refit's ExceptionFactory).</summary>
public static class SiadErrorMapper
{
    private const int MaxErrorBody = 8 * 1024;

    public static async Task<Exception?> MapAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "?";
        var body = await ReadBoundedAsync(response);
        var message = ParseMessage(body);
        return Map(response.StatusCode, message, path);
    }

    public static SiadException Map(HttpStatusCode status, string message, string path) => (int)status switch
    {
        401 => new SiadAuthenticationException(path),
        490 => new SiadNotReadyException($"siad is still loading its modules ({path}: {message})"),
        491 => new SiadRouteNotFoundException(status, message, path),
        // 1.3.x answers 404 for unknown routes and for modules that have not finished loading.
        404 => new SiadRouteNotFoundException(status, message, path),
        _ => new SiadApiException(status, message, path),
    };

    /// <summary>siad's <c>{"message"}</c>, or the raw text (405 is plain text), trimmed.</summary>
    public static string ParseMessage(string body)
    {
        try
        {
            var error = JsonConvert.DeserializeObject<SiadErrorResponse>(body);
            if (!string.IsNullOrEmpty(error?.Message))
            {
                return error.Message;
            }
        }
        catch (JsonException)
        {
        }

        return body.Trim();
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxErrorBody));
    }
}
