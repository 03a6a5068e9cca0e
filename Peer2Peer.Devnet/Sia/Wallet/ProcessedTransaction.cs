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
    [property: JsonConverter(typeof(PseudoTransactionConverter))] Transaction? Transaction,
    Hash256 TransactionId,
    ulong ConfirmationHeight,
    ulong ConfirmationTimestamp,
    IReadOnlyList<ProcessedInput>? Inputs,
    IReadOnlyList<ProcessedOutput>? Outputs)
{
    public const ulong Unconfirmed = ulong.MaxValue;
}

/// <summary>Writes a missing transaction as siad's all-null transaction object.</summary>
public sealed class PseudoTransactionConverter : JsonConverter<Transaction?>
{
    private static readonly string[] Fields =
    [
        "siacoininputs", "siacoinoutputs", "filecontracts", "filecontractrevisions", "storageproofs",
        "siafundinputs", "siafundoutputs", "minerfees", "arbitrarydata", "transactionsignatures",
    ];

    public override void WriteJson(JsonWriter writer, Transaction? value, JsonSerializer serializer)
    {
        if (value is not null)
        {
            serializer.Serialize(writer, value, typeof(Transaction));
            return;
        }

        writer.WriteStartObject();
        foreach (var field in Fields)
        {
            writer.WritePropertyName(field);
            writer.WriteNull();
        }

        writer.WriteEndObject();
    }

    public override Transaction? ReadJson(JsonReader reader, Type objectType, Transaction? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        serializer.Deserialize<Transaction>(reader);
}
