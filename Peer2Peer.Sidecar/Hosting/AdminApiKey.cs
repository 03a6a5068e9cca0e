using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Hosting;

/// <summary>
/// The key that guards every endpoint that spends, signs or changes state: <c>Sidecar:AdminApiKey</c> or the trimmed
/// contents of <c>Sidecar:AdminApiKeyFile</c>. Without one configured, those endpoints refuse every request.
/// </summary>
public sealed class AdminApiKey(IOptions<SidecarOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    private readonly Lazy<byte[]?> _key = new(() => Resolve(options.Value) is { } value ? Encoding.UTF8.GetBytes(value) : null);

    /// <summary>The configured key, or null: an empty or blank key (or key file) counts as none, never as a key that matches nothing.</summary>
    public static string? Resolve(SidecarOptions options)
    {
        var value = !string.IsNullOrWhiteSpace(options.AdminApiKey) ? options.AdminApiKey.Trim()
            : options.AdminApiKeyFile is { Length: > 0 } file && File.Exists(file) ? File.ReadAllText(file).Trim()
            : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool IsConfigured => _key.Value is not null;

    /// <summary>Accepts <c>X-Api-Key: key</c> or <c>Authorization: Bearer key</c>; compares in constant time.</summary>
    public bool Accepts(HttpRequest request)
    {
        if (_key.Value is not { } expected)
        {
            return false;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented) && request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        return !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
    }

    public override string ToString() => "[redacted]";
}

public static class AdminApiKeyEndpointExtensions
{
    /// <summary>Refuses the request with a 401 problem unless it carries the admin API key.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var key = context.HttpContext.RequestServices.GetRequiredService<AdminApiKey>();
            if (key.Accepts(context.HttpContext.Request))
            {
                return await next(context);
            }

            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin API key required",
                detail: key.IsConfigured
                    ? $"send the admin API key in the {AdminApiKey.HeaderName} header (or Authorization: Bearer)"
                    : "this sidecar has no admin API key configured (Sidecar:AdminApiKey or Sidecar:AdminApiKeyFile), so state-changing endpoints are disabled",
                extensions: new Dictionary<string, object?> { ["code"] = "admin-key-required" });
        });
}
