using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Siad.Dtos;

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record WalletResponse(
    bool Encrypted,
    ulong Height,
    bool Rescanning,
    bool Unlocked,
    Currency ConfirmedSiacoinBalance,
    Currency UnconfirmedOutgoingSiacoins,
    Currency UnconfirmedIncomingSiacoins,
    Currency? DustThreshold);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record WalletAddressResponse(UnlockHash Address);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record WalletAddressesResponse([property: JsonConverter(typeof(NullAsEmptyListConverter<UnlockHash>))] IReadOnlyList<UnlockHash> Addresses);

/// <summary>1.5.x returns the transactions too; 1.3.x only their IDs.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record WalletSiacoinsResponse
{
    [JsonConverter(typeof(NullAsEmptyListConverter<Transaction>))]
    public IReadOnlyList<Transaction> Transactions { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<Hash256>))]
    public IReadOnlyList<Hash256> TransactionIds { get; init; } = [];
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record WalletTransactionsResponse
{
    [JsonConverter(typeof(NullAsEmptyListConverter<ProcessedTransaction>))]
    public IReadOnlyList<ProcessedTransaction> ConfirmedTransactions { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ProcessedTransaction>))]
    public IReadOnlyList<ProcessedTransaction> UnconfirmedTransactions { get; init; } = [];
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ProcessedTransaction
{
    public Transaction Transaction { get; init; } = new();

    public Hash256 TransactionId { get; init; }

    public ulong ConfirmationHeight { get; init; }

    public ulong ConfirmationTimestamp { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<ProcessedOutput>))]
    public IReadOnlyList<ProcessedOutput> Outputs { get; init; } = [];
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ProcessedOutput(Hash256 Id, Specifier FundType, ulong MaturityHeight, bool WalletAddress, UnlockHash RelatedAddress, Currency Value);
