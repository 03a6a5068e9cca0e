using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Peer2Peer.Devnet;

/// <summary>What a script needs to use a running devnet; printed at start and written by --output.</summary>
public sealed record DevnetSummary
{
    public required string SiadVersion { get; init; }

    public required string Seed { get; init; }

    public required ulong Height { get; init; }

    public required IReadOnlyList<SiadNodeSummary> Nodes { get; init; }

    /// <summary>OpenvCloud controllers: URLs, identity endpoint and the consumer's credentials (devnet secrets).</summary>
    public IReadOnlyList<object> Controllers { get; init; } = [];

    public string ToJson() => JsonConvert.SerializeObject(this, new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
    });
}

public sealed record SiadNodeSummary
{
    public required string Name { get; init; }

    public required string ApiUrl { get; init; }

    public required string ApiPassword { get; init; }

    public required bool AuthenticateApi { get; init; }

    public required string WalletPassword { get; init; }

    public required string WalletSeed { get; init; }

    public required string PayoutAddress { get; init; }

    public required string HostPublicKey { get; init; }
}
