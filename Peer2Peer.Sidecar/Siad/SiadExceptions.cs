using System.Net;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>Base of every failure talking to siad; the message never contains the API password.</summary>
public abstract class SiadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>siad answered with an error status and its <c>{"message"}</c>.</summary>
public class SiadApiException(HttpStatusCode statusCode, string siadMessage, string path)
    : SiadException($"siad {path} answered {(int)statusCode}: {siadMessage}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>siad's own wording, for matching known conditions (locked wallet, insufficient balance…).</summary>
    public string SiadMessage { get; } = siadMessage;

    public string Path { get; } = path;
}

/// <summary>401: the API password is wrong or missing.</summary>
public sealed class SiadAuthenticationException(string path)
    : SiadApiException(HttpStatusCode.Unauthorized, "API authentication failed (check Siad:ApiPassword, SIA_API_PASSWORD or Siad:ApiPasswordFile)", path);

/// <summary>siad is up but its modules are still loading (1.5.x: 490; 1.3.x: 404 on module routes) or it refuses connections.</summary>
public sealed class SiadNotReadyException(string message, Exception? inner = null) : SiadException(message, inner);

/// <summary>The route does not exist on this siad (1.5.x 491, 1.3.x 404 once loaded): wrong version or a module not enabled.</summary>
public sealed class SiadRouteNotFoundException(HttpStatusCode statusCode, string siadMessage, string path)
    : SiadApiException(statusCode, siadMessage, path);

/// <summary>siad answered something that is not what siad answers (bad JSON, an ID that does not re-derive).</summary>
public sealed class SiadProtocolException(string message, Exception? inner = null) : SiadException(message, inner);

/// <summary>A spend whose outcome is unknown (the connection dropped after the request went out) and could not be confirmed either way.</summary>
public sealed class SiadOutcomeUnknownException(string message, Exception? inner = null) : SiadException(message, inner);

/// <summary>No answer from siad: connection refused or dropped, a timeout, or the circuit breaker is open after repeated failures.</summary>
public sealed class SiadUnreachableException(string message, Exception? inner = null) : SiadException(message, inner);
