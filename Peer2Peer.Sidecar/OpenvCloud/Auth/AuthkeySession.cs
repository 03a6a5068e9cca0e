using System.Net;

namespace Peer2Peer.Sidecar.OpenvCloud.Auth;

/// <summary>
/// Legacy session key (§2.2) from <c>users/authenticate</c>, sent as the <c>beaker.session.id</c> cookie (never in the
/// URL, where it could reach a log). A 419 (expired or unknown key) means: log in again, once per refused key.
/// </summary>
internal sealed partial class AuthkeySession(
    OpenvCloudCredentials credentials,
    Func<CancellationToken, Task<Newtonsoft.Json.Linq.JToken>> login,
    SecretRedactor redactor,
    ILogger logger) : IOpenvCloudAuthenticator, IDisposable
{
    private const int MaxKeyLength = 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _key;

    public async ValueTask<string?> ApplyAsync(HttpRequestMessage request, string? rejected, CancellationToken cancellationToken)
    {
        var key = await GetAsync(rejected, cancellationToken);
        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", "beaker.session.id=" + key);
        return key;
    }

    public bool IsRejection(HttpResponseMessage response) => (int)response.StatusCode == 419;

    private async ValueTask<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        var current = _key;
        if (current is not null && current != rejected)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _key;
            if (current is not null && current != rejected)
            {
                return current;
            }

            if (rejected is not null)
            {
                LogExpired(logger, credentials.Username ?? "?");
            }

            string key;
            try
            {
                var answer = await login(cancellationToken);
                key = answer.Type == Newtonsoft.Json.Linq.JTokenType.String
                    ? ((string?)answer ?? "").Trim()
                    : throw new OpenvCloudProtocolException("users/authenticate answered something that is not a JSON string");
            }
            catch (OpenvCloudApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            {
                throw new OpenvCloudAuthenticationException(e.StatusCode, $"login refused for user {credentials.Username}: {e.ServerMessage}", e.Path);
            }

            if (key.Length is 0 or > MaxKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ','))
            {
                throw new OpenvCloudProtocolException("users/authenticate answered something that is not a session key");
            }

            redactor.Add(key);
            _key = key;
            LogLoggedIn(logger, credentials.Username ?? "?");
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged in to OpenvCloud as {Username} (legacy session key)")]
    private static partial void LogLoggedIn(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenvCloud session of {Username} expired (419); logging in again")]
    private static partial void LogExpired(ILogger logger, string username);
}
