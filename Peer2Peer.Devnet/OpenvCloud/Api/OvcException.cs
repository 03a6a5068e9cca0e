namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>A documented OpenvCloud error: the status code and the message sent as a JSON string body (§1.5).</summary>
internal sealed class OvcException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static OvcException BadRequest(string message) => new(400, message);

    public static OvcException NotFound(string message) => new(404, message);

    public static OvcException Conflict(string message) => new(409, message);

    public static OvcException Forbidden(string user) =>
        new(403, $"User: \"{user}\" isn't allowed to execute this action. Not enough permissions");

    public static OvcException Missing(string name) => new(400, $"Param with name:{name} is missing.");

    public static OvcException WrongType(string name, string type) =>
        new(400, $"Value of param {name} not correct needs to be of type {type}");
}
