namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>A handler result that sets the HTTP status itself (202 from <c>system/task/get</c>, 503 from health); null body = empty.</summary>
internal sealed record HttpReply(int Status, object? Body, string? TextContentType = null);
