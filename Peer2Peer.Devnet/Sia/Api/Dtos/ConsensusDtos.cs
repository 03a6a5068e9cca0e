using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api.Dtos;

/// <summary>An output with the ID siad derives for it (block JSON).</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record IdentifiedOutput(Hash256 Id, Currency Value, UnlockHash UnlockHash);

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record IdentifiedFileContract(
    Hash256 Id, ulong FileSize, Hash256 FileMerkleRoot, ulong WindowStart, ulong WindowEnd, Currency Payout,
    IReadOnlyList<IdentifiedOutput> ValidProofOutputs, IReadOnlyList<IdentifiedOutput> MissedProofOutputs, UnlockHash UnlockHash, ulong RevisionNumber);

/// <summary>A transaction of GET /consensus/blocks: every created object carries its ID.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ConsensusBlockTransaction(
    Hash256 Id,
    IReadOnlyList<SiacoinInput> SiacoinInputs,
    IReadOnlyList<IdentifiedOutput> SiacoinOutputs,
    IReadOnlyList<IdentifiedFileContract> FileContracts,
    IReadOnlyList<FileContractRevision> FileContractRevisions,
    IReadOnlyList<StorageProof> StorageProofs,
    IReadOnlyList<SiafundInput> SiafundInputs,
    IReadOnlyList<IdentifiedOutput> SiafundOutputs,
    IReadOnlyList<Currency> MinerFees,
    IReadOnlyList<byte[]> ArbitraryData,
    IReadOnlyList<TransactionSignature> TransactionSignatures)
{
    public static ConsensusBlockTransaction From(Transaction t)
    {
        var contracts = t.FileContracts.Select((fc, i) =>
        {
            var id = t.FileContractId(i);
            return new IdentifiedFileContract(id, fc.FileSize, fc.FileMerkleRoot, fc.WindowStart, fc.WindowEnd, fc.Payout,
                fc.ValidProofOutputs.Select((o, j) => new IdentifiedOutput(SiaIds.StorageProofOutputId(id, true, j), o.Value, o.UnlockHash)).ToArray(),
                fc.MissedProofOutputs.Select((o, j) => new IdentifiedOutput(SiaIds.StorageProofOutputId(id, false, j), o.Value, o.UnlockHash)).ToArray(),
                fc.UnlockHash, fc.RevisionNumber);
        }).ToArray();
        return new ConsensusBlockTransaction(
            t.Id, t.SiacoinInputs,
            t.SiacoinOutputs.Select((o, i) => new IdentifiedOutput(t.SiacoinOutputId(i), o.Value, o.UnlockHash)).ToArray(),
            contracts, t.FileContractRevisions, t.StorageProofs, t.SiafundInputs,
            t.SiafundOutputs.Select((o, i) => new IdentifiedOutput(t.SiafundOutputId(i), o.Value, o.UnlockHash)).ToArray(),
            t.MinerFees, t.ArbitraryData, t.TransactionSignatures);
    }
}

/// <summary>GET /consensus/blocks (1.3.x has no "difficulty").</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record ConsensusBlockGet(
    Hash256 Id,
    ulong Height,
    Hash256 ParentId,
    [property: JsonConverter(typeof(NonceJsonConverter))] ulong Nonce,
    [property: JsonProperty(NullValueHandling = NullValueHandling.Ignore)] string? Difficulty,
    ulong Timestamp,
    IReadOnlyList<SiacoinOutput> MinerPayouts,
    IReadOnlyList<ConsensusBlockTransaction> Transactions);

/// <summary>GET /consensus: 1.3.x stops after "difficulty"; 1.5.x adds the Foundation addresses and the constants.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy), ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed record ConsensusGet(
    bool Synced,
    ulong Height,
    Hash256 CurrentBlock,
    [property: JsonConverter(typeof(ByteArrayAsNumbersConverter))] byte[] Target,
    string Difficulty)
{
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public UnlockHash? FoundationPrimaryUnlockHash { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public UnlockHash? FoundationFailsafeUnlockHash { get; init; }

    [JsonExtensionData]
    public IDictionary<string, object?>? Constants { get; init; }
}
