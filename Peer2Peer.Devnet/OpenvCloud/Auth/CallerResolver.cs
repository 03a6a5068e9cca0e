using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Peer2Peer.Devnet.OpenvCloud.Auth;

internal enum AuthFailure
{
    None,

    /// <summary>Bearer JWT with a bad signature, a bad shape or past <c>exp</c>: 401 HTML.</summary>
    BadToken,

    /// <summary>Unknown or idle-expired legacy authkey: 419.</summary>
    BadAuthkey,
}

/// <summary>
/// Finds the caller of a request the way the portal's session layer does: a bearer JWT (scheme in any case),
/// else an <c>authkey</c> parameter or <c>beaker.session.id</c> cookie, else guest. Presenting bad credentials
/// fails even on methods that need none.
/// </summary>
internal sealed class CallerResolver(IdentityProvider identity, AuthkeySessions sessions)
{
    public AuthFailure Resolve(HttpRequest request, IReadOnlyDictionary<string, JsonNode?> parameters, out Caller caller)
    {
        caller = Caller.Guest;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && authorization[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase))
            {
                if (!identity.TryValidate(authorization[(space + 1)..].Trim(), out var who))
                {
                    return AuthFailure.BadToken;
                }

                caller = new Caller(who);
                return AuthFailure.None;
            }
        }

        var key = parameters.TryGetValue("authkey", out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : request.Cookies["beaker.session.id"];
        if (string.IsNullOrEmpty(key))
        {
            return AuthFailure.None;
        }

        if (!sessions.TryUse(key, out var user))
        {
            return AuthFailure.BadAuthkey;
        }

        caller = new Caller(user);
        return AuthFailure.None;
    }
}
