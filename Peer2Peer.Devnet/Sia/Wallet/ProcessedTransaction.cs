using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Wallet;

/// <summary>siad's modules.ProcessedInput.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ProcessedInput(Hash256 ParentId, Specifier FundType, bool WalletAddress, UnlockHash RelatedAddress, Currency Value);

/// <summary>siad's modules.ProcessedOutput.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ProcessedOutput(Hash256 Id, Specifier FundType, ulong MaturityHeight, bool WalletAddress, UnlockHash RelatedAddress, Currency Value);

/// <summary>
/// siad's modules.ProcessedTransaction. Miner payouts are a pseudo-transaction whose ID is the block ID and whose
/// transaction has every list <c>null</c>, as siad prints it.
/// </summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ProcessedTransaction(
    [property: JsonIgnore] Transaction? Transaction,
    Hash256 TransactionId,
    ulong ConfirmationHeight,
    ulong ConfirmationTimestamp,
    IReadOnlyList<ProcessedInput>? Inputs,
    IReadOnlyList<ProcessedOutput>? Outputs)
{
    public const ulong Unconfirmed = ulong.MaxValue;

    /// <summary>What siad writes under "transaction": the transaction, or an object of null lists for miner payouts.</summary>
    [JsonProperty("transaction", Order = -2)]
    public object TransactionJson => (object?)Transaction ?? PseudoTransaction.Value;

    private static readonly string[] PseudoTransactionFields =
    [
        "siacoininputs", "siacoinoutputs", "filecontracts", "filecontractrevisions", "storageproofs",
        "siafundinputs", "siafundoutputs", "minerfees", "arbitrarydata", "transactionsignatures",
    ];

    private static readonly Lazy<Newtonsoft.Json.Linq.JObject> PseudoTransaction = new(() => new Newtonsoft.Json.Linq.JObject(
        PseudoTransactionFields.Select(f => new Newtonsoft.Json.Linq.JProperty(f, Newtonsoft.Json.Linq.JValue.CreateNull()))));
}
