using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Peer2Peer.Sidecar.OpenvCloud.Auth;

/// <summary>
/// A JWT from the identity endpoint's client-credentials grant (§2.1: raw JWT text for <c>response_type=id_token</c>),
/// cached until <c>exp</c> minus the renewal margin, renewed by one caller at a time, and sent as
/// <c>Authorization: bearer …</c>. The token's signature is the controller's business; the client reads only <c>exp</c>.
/// </summary>
internal sealed partial class JwtTokenSource(
    OpenvCloudCredentials credentials,
    Func<HttpClient> identityClient,
    TimeProvider time,
    TimeSpan renewBefore,
    SecretRedactor redactor,
    ILogger logger) : IOpenvCloudAuthenticator, IDisposable
{
    private const int MaxTokenBytes = 16 * 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Token? _token;

    private sealed record Token(string Value, DateTimeOffset Expires, DateTimeOffset RenewAt);

    public async ValueTask<string?> ApplyAsync(HttpRequestMessage request, string? rejected, CancellationToken cancellationToken)
    {
        var token = await GetAsync(rejected, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        return token;
    }

    public bool IsRejection(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>The current token, or a new one when it is due for renewal or was just <paramref name="rejected"/>.</summary>
    public async ValueTask<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (Usable(_token, rejected) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_token, rejected) is { } renewed)
            {
                return renewed;
            }

            if (rejected is not null)
            {
                LogRejected(logger, credentials.ClientId ?? "?");
            }

            var token = await AcquireAsync(cancellationToken);
            _token = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Usable(Token? token, string? rejected)
    {
        if (token is null)
        {
            return null;
        }

        // Refused: only a token other than the refused one (renewed meanwhile by another call) will do.
        if (rejected is not null)
        {
            return token.Value == rejected ? null : token.Value;
        }

        return time.GetUtcNow() < token.RenewAt ? token.Value : null;
    }

    private async Task<Token> AcquireAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(EnsureSlash(credentials.IdentityUrl!), "v1/oauth/access_token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId!,
            ["client_secret"] = credentials.ClientSecret!,
            ["response_type"] = "id_token",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        HttpResponseMessage response;
        try
        {
            response = await identityClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && OpenvCloudClient.Unreachable(e) is { } reason)
        {
            throw new OpenvCloudUnreachableException($"the identity endpoint {url.GetLeftPart(UriPartial.Authority)} did not answer: {redactor.Redact(reason)}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var (prefix, _) = await BoundedContent.ReadPrefixAsync(response.Content, 4096, cancellationToken);
                var message = OpenvCloudErrorMapper.Message(Encoding.UTF8.GetString(prefix), response.Content.Headers.ContentType?.MediaType, redactor);
                var status = (int)response.StatusCode is 400 or 401 or 403 ? HttpStatusCode.Unauthorized : response.StatusCode;
                throw status == HttpStatusCode.Unauthorized
                    ? new OpenvCloudAuthenticationException(response.StatusCode, $"client {credentials.ClientId} refused: {message}", url.AbsolutePath)
                    : OpenvCloudErrorMapper.Map(status, message, url.AbsolutePath);
            }

            var bytes = await BoundedContent.ReadAsync(response.Content, MaxTokenBytes, "identity endpoint", cancellationToken);
            var text = Encoding.UTF8.GetString(bytes).Trim().Trim('"');
            var expires = ReadExpiry(text);
            var now = time.GetUtcNow();
            if (expires <= now)
            {
                throw new OpenvCloudProtocolException($"the identity endpoint issued a token that expired at {expires:O} (now {now:O})");
            }

            redactor.Add(text);
            var margin = TimeSpan.FromTicks(Math.Min(renewBefore.Ticks, (expires - now).Ticks / 2));
            LogAcquired(logger, credentials.ClientId ?? "?", expires);
            return new Token(text, expires, expires - margin);
        }
    }

    /// <summary>The <c>exp</c> claim of a compact JWS (header.payload.signature); anything else is a protocol error.</summary>
    internal static DateTimeOffset ReadExpiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0) || jwt.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new OpenvCloudProtocolException("the identity endpoint answered something that is not a JWT");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url(parts[1]), new JsonDocumentOptions { MaxDepth = 16 });
            if (payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("exp", out var exp)
                && exp.ValueKind == JsonValueKind.Number
                && exp.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253402300799)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new OpenvCloudProtocolException("the identity endpoint's JWT has an unreadable payload", e);
        }

        throw new OpenvCloudProtocolException("the identity endpoint's JWT carries no usable exp claim");
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url length") };
        return Convert.FromBase64String(padded);
    }

    private static Uri EnsureSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Obtained an OpenvCloud token for client {ClientId}, valid until {Expires}")]
    private static partial void LogAcquired(ILogger logger, string clientId, DateTimeOffset expires);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An OpenvCloud controller refused the token of client {ClientId}; obtaining a new one")]
    private static partial void LogRejected(ILogger logger, string clientId);
}
