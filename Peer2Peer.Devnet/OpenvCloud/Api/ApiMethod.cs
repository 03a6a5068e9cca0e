namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>
/// One <c>/restmachine/&lt;app&gt;/&lt;actor&gt;/&lt;method&gt;</c>: who may call it, with which verbs, its parameters and
/// its handler. Handlers run under the controller's state lock and throw <see cref="OvcException"/> for documented errors.
/// </summary>
internal sealed record ApiMethod(
    string App,
    string Actor,
    string Method,
    bool RequiresAuth,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<ParamSpec> Params,
    Func<CallContext, object?> Handler)
{
    public static readonly string[] PostOnly = ["POST"];
    public static readonly string[] GetAndPost = ["GET", "POST"];

    public string Key => $"{App}/{Actor}/{Method}";
}
