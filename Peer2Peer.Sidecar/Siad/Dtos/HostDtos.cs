using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Siad.Dtos;

/// <summary>
/// The part of <c>GET /host</c> the sidecar uses. siad 1.3.3 does not report the host's public key here (1.5.x does);
/// on 1.3.x it is only learnt from the host's announcement on the chain.
/// </summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostResponse(SiaPublicKey? PublicKey, HostExternalSettings ExternalSettings);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostExternalSettings(bool AcceptingContracts, string NetAddress, UnlockHash UnlockHash, string? Version);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostDbResponse(bool InitialScanComplete);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostDbHostsResponse([property: JsonConverter(typeof(NullAsEmptyListConverter<HostDbEntry>))] IReadOnlyList<HostDbEntry> Hosts);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostDbHostResponse(HostDbEntry Entry);

/// <summary>A hostdb entry: external settings flattened with what the renter learnt; only stable fields are read.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record HostDbEntry(
    string NetAddress,
    bool AcceptingContracts,
    ulong FirstSeen,
    SiaPublicKey PublicKey,
    string PublicKeyString,
    string? Version);
