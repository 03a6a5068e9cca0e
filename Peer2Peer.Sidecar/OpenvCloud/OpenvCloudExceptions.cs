using System.Net;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>Base of every failure talking to an OpenvCloud controller or its identity endpoint; messages never carry a secret.</summary>
public abstract class OpenvCloudException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The controller answered a non-2xx status (§1.5); <see cref="ServerMessage"/> is its text, bounded and redacted.</summary>
public class OpenvCloudApiException(HttpStatusCode statusCode, string serverMessage, string path)
    : OpenvCloudException($"OpenvCloud {path} answered {(int)statusCode}: {serverMessage}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string ServerMessage { get; } = serverMessage;

    public string Path { get; } = path;
}

/// <summary>400: validation or a business rule (a size not offered, a disk below the image minimum…).</summary>
public sealed class OpenvCloudBadRequestException(string serverMessage, string path)
    : OpenvCloudApiException(HttpStatusCode.BadRequest, serverMessage, path);

/// <summary>
/// The credentials were refused: 401 from a controller (after one token refresh), 419 (after one re-login), or the
/// identity endpoint / <c>users/authenticate</c> refusing the client id/secret or username/password.
/// </summary>
public sealed class OpenvCloudAuthenticationException(HttpStatusCode statusCode, string serverMessage, string path)
    : OpenvCloudApiException(statusCode, serverMessage, path);

/// <summary>403: the user lacks the right on the account, cloudspace or machine.</summary>
public sealed class OpenvCloudForbiddenException(string serverMessage, string path)
    : OpenvCloudApiException(HttpStatusCode.Forbidden, serverMessage, path);

/// <summary>404: an unknown or deleted id, or a method this controller does not have.</summary>
public sealed class OpenvCloudNotFoundException(string serverMessage, string path)
    : OpenvCloudApiException(HttpStatusCode.NotFound, serverMessage, path)
{
    /// <summary>The path or verb does not exist (old build, wrong URL) rather than the resource.</summary>
    public bool IsUnknownMethod => ServerMessage.StartsWith("Could not find method", StringComparison.Ordinal);
}

/// <summary>409: a name already taken, a machine with clones.</summary>
public sealed class OpenvCloudConflictException(string serverMessage, string path)
    : OpenvCloudApiException(HttpStatusCode.Conflict, serverMessage, path);

/// <summary>429: the per-user rate limit (2019+ builds).</summary>
public sealed class OpenvCloudRateLimitedException(string serverMessage, string path)
    : OpenvCloudApiException(HttpStatusCode.TooManyRequests, serverMessage, path);

/// <summary>5xx: an unhandled error (500, with the portal's <c>eco-…</c> reference when present), an upgrade or no capacity (503).</summary>
public sealed class OpenvCloudServerException(HttpStatusCode statusCode, string serverMessage, string path)
    : OpenvCloudApiException(statusCode, serverMessage, path);

/// <summary>The answer is not what a controller answers: malformed or oversized JSON, a wrong type, an impossible value.</summary>
public sealed class OpenvCloudProtocolException(string message, Exception? inner = null) : OpenvCloudException(message, inner);

/// <summary>No answer: connection refused or reset, a timeout, or the circuit breaker is open after repeated failures.</summary>
public sealed class OpenvCloudUnreachableException(string message, Exception? inner = null) : OpenvCloudException(message, inner);

/// <summary>202: the controller accepted the call but has not finished it; whether it will take effect is not known yet.</summary>
public sealed class OpenvCloudPendingException(string path)
    : OpenvCloudException($"OpenvCloud {path} answered 202: accepted but not finished; check the resource before repeating the call");

/// <summary>A state change whose outcome is unknown (the answer was lost) and could not be confirmed either way.</summary>
public sealed class OpenvCloudOutcomeUnknownException(string message, Exception? inner = null) : OpenvCloudException(message, inner);

/// <summary>The sidecar has no OpenvCloud controller of its own (<c>OpenvCloud:ApiUrl</c> is empty).</summary>
public sealed class OpenvCloudNotConfiguredException()
    : OpenvCloudException("OpenvCloud:ApiUrl is not set: this sidecar has no OpenvCloud controller of its own");
