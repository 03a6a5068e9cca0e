using Peer2Peer.Devnet.OpenvCloud.Auth;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>Everything a handler needs: validated arguments, the caller, the controller's state and devnet time.</summary>
internal sealed class CallContext(ControllerState state, Caller caller, IReadOnlyDictionary<string, object?> args, DateTimeOffset now)
{
    public ControllerState State { get; } = state;

    public Caller Caller { get; } = caller;

    public DateTimeOffset Now { get; } = now;

    public long NowEpoch => Now.ToUnixTimeSeconds();

    /// <summary>The HTTP verb; only <c>getConsumption</c> cares.</summary>
    public string Verb { get; init; } = "POST";

    /// <summary>The raw Accept header, compared as a string like the real server does.</summary>
    public string? Accept { get; init; }

    public int Int(string name) => (int)args[name]!;

    /// <summary>An optional int; 0 counts as "not given" the way Python's truthiness does.</summary>
    public int? OptInt(string name) => args.TryGetValue(name, out var v) && v is int i && i != 0 ? i : null;

    public double Float(string name) => (double)args[name]!;

    public double? OptFloat(string name) => args.TryGetValue(name, out var v) && v is double d ? d : null;

    public string Str(string name) => (string)args[name]!;

    public string? OptStr(string name) => args.TryGetValue(name, out var v) && v is string { Length: > 0 } s ? s : null;

    public bool Bool(string name) => args.TryGetValue(name, out var v) && v is true;

    public IReadOnlyList<int> IntList(string name) => args.TryGetValue(name, out var v) && v is List<int> l ? l : [];
}
