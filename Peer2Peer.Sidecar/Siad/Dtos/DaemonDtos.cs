using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Siad.Dtos;

// Transport shapes of siad's JSON (SIAD.md §3); field names are siad's lower-case Go names.

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record DaemonVersionResponse(string Version, string? GitRevision, string? BuildTime);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record DaemonConstantsResponse(ulong BlockFrequency, ulong MaturityDelay, ulong GenesisTimestamp, ulong? BlockSizeLimit);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ConsensusResponse(bool Synced, ulong Height, Hash256 CurrentBlock, Currency? Difficulty);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record TpoolFeeResponse(Currency Minimum, Currency Maximum);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record TpoolConfirmedResponse(bool Confirmed);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record GatewayResponse(string NetAddress, [property: JsonConverter(typeof(NullAsEmptyListConverter<GatewayPeer>))] IReadOnlyList<GatewayPeer> Peers);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record GatewayPeer(bool Inbound, bool Local, string NetAddress, string Version);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record MinerResponse(long BlocksMined, long CpuHashrate, bool CpuMining, long StaleBlocksMined);

/// <summary>siad's error body: <c>{"message": "…"}</c>.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record SiadErrorResponse(string? Message);
