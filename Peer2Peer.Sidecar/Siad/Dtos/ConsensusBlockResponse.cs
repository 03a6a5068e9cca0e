using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Siad.Dtos;

/// <summary>
/// <c>GET /consensus/blocks</c>: the block plus the IDs siad derived. The transaction list reads with our
/// <see cref="Transaction"/> type (the extra <c>id</c> fields are ignored); IDs are kept to be checked against ours.
/// </summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ConsensusBlockResponse
{
    public Hash256 Id { get; init; }

    public ulong Height { get; init; }

    public Hash256 ParentId { get; init; }

    [JsonConverter(typeof(NonceJsonConverter))]
    public ulong Nonce { get; init; }

    public ulong Timestamp { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> MinerPayouts { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<Transaction>))]
    public IReadOnlyList<Transaction> Transactions { get; init; } = [];

    public Block ToBlock() => new() { ParentId = ParentId, Nonce = Nonce, Timestamp = Timestamp, MinerPayouts = MinerPayouts, Transactions = Transactions };
}
