using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud.Auth;

/// <summary>
/// The devnet's stand-in for itsyou.online: API keys (client id + secret → username), ES384 JWTs with
/// <c>username</c>, <c>iss</c>, <c>aud</c>, <c>exp</c> claims, and refresh for tokens asked with <c>offline_access</c>.
/// One instance is shared by every controller of a cluster, like the one IAM real controllers trust.
/// Expiry is wall time (the base clock), not devnet time.
/// </summary>
public sealed class IdentityProvider : IDisposable
{
    public const string Issuer = "itsyouonline";

    private readonly ECDsa _key;
    private readonly TimeProvider _wallClock;
    private readonly SecretSource _secrets;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Secret, string Username)> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Username, string ClientId)> _refreshTokens = new(StringComparer.Ordinal);

    public IdentityProvider(TimeProvider wallClock, TimeSpan defaultLifetime, string? signingKeyPem, SecretSource secrets)
    {
        _wallClock = wallClock;
        _secrets = secrets;
        DefaultLifetime = defaultLifetime;
        _key = ECDsa.Create();
        if (signingKeyPem is null)
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP384);
        }
        else
        {
            _key.ImportFromPem(signingKeyPem);
            if (_key.KeySize != 384)
            {
                throw new ArgumentException("the identity signing key must be a P-384 (ES384) key", nameof(signingKeyPem));
            }
        }

        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    public TimeSpan DefaultLifetime { get; }

    /// <summary>What a client must trust to verify tokens itself (the Go SDK ships itsyou.online's).</summary>
    public string PublicKeyPem { get; }

    public void RegisterClient(string clientId, string clientSecret, string username)
    {
        lock (_lock)
        {
            _clients[clientId] = (clientSecret, username);
        }
    }

    /// <summary>The username of a client id/secret pair, compared in constant time.</summary>
    public string? Authenticate(string clientId, string clientSecret)
    {
        lock (_lock)
        {
            if (!_clients.TryGetValue(clientId, out var client))
            {
                return null;
            }

            var ok = CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(client.Secret), System.Text.Encoding.UTF8.GetBytes(clientSecret));
            return ok ? client.Username : null;
        }
    }

    /// <summary>Issues a JWT for any username: the token endpoint uses it after checking credentials; tests use it directly.</summary>
    public string IssueToken(string username, TimeSpan? lifetime = null, string clientId = "devnet", bool refreshable = false)
    {
        var exp = _wallClock.GetUtcNow() + (lifetime ?? DefaultLifetime);
        var claims = new JsonObject
        {
            ["azp"] = clientId,
            ["aud"] = new JsonArray(clientId),
            ["exp"] = exp.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["scope"] = new JsonArray(),
            ["username"] = username,
        };
        if (refreshable)
        {
            var refresh = _secrets.Token(32);
            lock (_lock)
            {
                _refreshTokens[refresh] = (username, clientId);
            }

            claims["refresh_token"] = refresh;
            claims["scope"] = new JsonArray("offline_access");
        }

        return Jwt.Encode(_key, claims);
    }

    /// <summary>Signature, expiry and a string <c>username</c> claim; the controller's identity is <c>username@iss</c>.</summary>
    public bool TryValidate(string token, out string identity)
    {
        identity = "";
        if (!Jwt.TryDecode(token, _key, out var claims)
            || !TryString(claims, "username", out var username)
            || claims["exp"] is not JsonValue expValue || !expValue.TryGetValue<long>(out var exp)
            || exp <= _wallClock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var issuer = TryString(claims, "iss", out var iss) ? iss : Issuer;
        identity = $"{username}@{issuer}";
        return true;
    }

    /// <summary><c>GET /v1/oauth/jwt/refresh</c>: a new token for a correctly signed one that carries a known refresh token, even if expired.</summary>
    public string? Refresh(string token, TimeSpan? lifetime)
    {
        if (!Jwt.TryDecode(token, _key, out var claims) || !TryString(claims, "refresh_token", out var refresh))
        {
            return null;
        }

        (string Username, string ClientId) owner;
        lock (_lock)
        {
            if (!_refreshTokens.Remove(refresh, out owner))
            {
                return null;
            }
        }

        return IssueToken(owner.Username, lifetime, owner.ClientId, refreshable: true);
    }

    public void Dispose() => _key.Dispose();

    private static bool TryString(JsonObject claims, string name, out string value)
    {
        value = "";
        if (claims[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return value.Length > 0;
        }

        return false;
    }
}
