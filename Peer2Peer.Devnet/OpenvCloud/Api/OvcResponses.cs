using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>The portal's response shapes (§1.4, §1.5): JSON results, JSON-string errors, plain-text 401, HTML 401/500.</summary>
internal static class OvcResponses
{
    public const string GuestMessage = "NO VALID AUTHORIZATION KEY GIVEN, use get param called key (check key probably auth error).";

    public static readonly JsonSerializerOptions Json = new()
    {
        // Keys are written exactly as declared: the API mixes camelCase, lower case and CU_* spellings.
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteJsonAsync(HttpContext http, int status, object? value)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(Serialize(value), http.RequestAborted);
    }

    public static string Serialize(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Json);

    public static Task WriteErrorAsync(HttpContext http, int status, string message) => WriteJsonAsync(http, status, message);

    /// <summary>401 for a guest on an auth-required method: plain text without a content type.</summary>
    public static Task WriteGuestAsync(HttpContext http)
    {
        http.Response.StatusCode = 401;
        return http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(GuestMessage), http.RequestAborted).AsTask();
    }

    /// <summary>401 for a bearer JWT that fails signature or expiry: the portal's HTML access-denied page.</summary>
    public static Task WriteAccessDeniedAsync(HttpContext http) =>
        WriteTextAsync(http, 401, "text/html", "<html><head><title>Access denied</title></head><body><h1>Access denied</h1><p>The provided JWT is not valid or has expired.</p></body></html>");

    /// <summary>500: the portal's error-condition page, never a stack trace.</summary>
    public static Task WriteServerErrorAsync(HttpContext http, int gid) =>
        WriteTextAsync(http, 500, "text/html",
            $"Your service request could not be fulfilled correctly, please contact support and mention \"eco-{gid}-{Guid.NewGuid()}\".");

    public static Task WriteNoRouteAsync(HttpContext http) =>
        WriteTextAsync(http, 404, "text/plain", $"Could not find method, path was {http.Request.Path}");

    public static Task WriteTextAsync(HttpContext http, int status, string contentType, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        return http.Response.WriteAsync(text, http.RequestAborted);
    }
}
