using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Peer2Peer.Devnet.OpenvCloud.Auth;

/// <summary>
/// itsyou.online's two token paths: <c>POST /v1/oauth/access_token</c> (client credentials; raw JWT text for
/// <c>response_type=id_token</c>, else an OAuth JSON object) and <c>GET /v1/oauth/jwt/refresh</c>.
/// </summary>
internal static class IdentityEndpoint
{
    public static void Map(WebApplication app, IdentityProvider identity)
    {
        app.MapPost("/v1/oauth/access_token", (Delegate)((HttpContext http) => AccessTokenAsync(http, identity)));
        app.MapGet("/v1/oauth/jwt/refresh", (HttpContext http) => Refresh(http, identity));
        app.MapGet("/v1/oauth/jwks", () => Results.Text(identity.PublicKeyPem, "application/x-pem-file"));
    }

    private static async Task<IResult> AccessTokenAsync(HttpContext http, IdentityProvider identity)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in http.Request.Query)
        {
            fields[name] = value.ToString();
        }

        if (http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                foreach (var (name, value) in form)
                {
                    fields[name] = value.ToString();
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return Results.Text("invalid form body", statusCode: 400);
            }
        }

        if (fields.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return Results.Text("unsupported grant_type: only client_credentials", statusCode: 400);
        }

        var username = identity.Authenticate(fields.GetValueOrDefault("client_id") ?? "", fields.GetValueOrDefault("client_secret") ?? "");
        if (username is null)
        {
            return Results.Text("invalid client_id or client_secret", statusCode: 400);
        }

        TimeSpan? lifetime = null;
        if (fields.TryGetValue("validity", out var validityText))
        {
            if (!long.TryParse(validityText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 30 * 86400)
            {
                return Results.Text("invalid validity", statusCode: 400);
            }

            lifetime = TimeSpan.FromSeconds(seconds);
        }

        var scope = fields.GetValueOrDefault("scope") ?? "";
        var refreshable = scope.Split(',', ' ').Contains("offline_access");
        var token = identity.IssueToken(username, lifetime, fields["client_id"], refreshable);
        if (fields.GetValueOrDefault("response_type") == "id_token")
        {
            return Results.Text(token, "text/plain");
        }

        // Real itsyou.online hands out an opaque access token here; the devnet hands out the JWT itself.
        return Results.Json(new
        {
            access_token = token,
            token_type = "bearer",
            scope,
            expires_in = (long)(lifetime ?? identity.DefaultLifetime).TotalSeconds,
            info = new { username },
        });
    }

    private static IResult Refresh(HttpContext http, IdentityProvider identity)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !authorization[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text("missing bearer token", statusCode: 401);
        }

        TimeSpan? lifetime = long.TryParse(http.Request.Query["validity"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 30 * 86400
            ? TimeSpan.FromSeconds(s)
            : null;
        var token = identity.Refresh(authorization[(space + 1)..].Trim(), lifetime);
        return token is null ? Results.Text("token cannot be refreshed", statusCode: 401) : Results.Text(token, "text/plain");
    }
}
