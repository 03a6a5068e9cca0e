namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>Parameter types the portal coerces (§1.3); the name is what its 400 message prints.</summary>
internal enum ParamType
{
    Int,
    Float,
    Bool,
    Str,
    IntList,

    /// <summary>Passed through untouched (e.g. <c>userdata</c>, string or object).</summary>
    Any,
}

/// <summary>One declared parameter of an actor method; optional ones fall back to <see cref="Default"/>.</summary>
internal sealed record ParamSpec(string Name, ParamType Type, bool Optional = false, object? Default = null)
{
    public static ParamSpec Required(string name, ParamType type) => new(name, type);

    public static ParamSpec Opt(string name, ParamType type, object? @default = null) => new(name, type, true, @default);

    public string TypeName => Type switch
    {
        ParamType.Int => "int",
        ParamType.Float => "float",
        ParamType.Bool => "bool",
        ParamType.Str => "str",
        ParamType.IntList => "list",
        _ => "object",
    };
}
