using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>
/// Writes a transaction in go.sia.tech/core's v1 JSON (camelCase, keys as "ed25519:hex", revisions without "new"),
/// the form the @siafoundation/sdk oracle reads — deliberately independent of our siad converters.
/// </summary>
public static class CoreJson
{
    public static JObject Transaction(Transaction t) => new()
    {
        ["siacoinInputs"] = new JArray(t.SiacoinInputs.Select(i => new JObject { ["parentID"] = i.ParentId.ToString(), ["unlockConditions"] = Conditions(i.UnlockConditions) })),
        ["siacoinOutputs"] = new JArray(t.SiacoinOutputs.Select(Output)),
        ["fileContracts"] = new JArray(t.FileContracts.Select(c => new JObject
        {
            ["filesize"] = c.FileSize,
            ["fileMerkleRoot"] = c.FileMerkleRoot.ToString(),
            ["windowStart"] = c.WindowStart,
            ["windowEnd"] = c.WindowEnd,
            ["payout"] = c.Payout.ToString(),
            ["validProofOutputs"] = new JArray(c.ValidProofOutputs.Select(Output)),
            ["missedProofOutputs"] = new JArray(c.MissedProofOutputs.Select(Output)),
            ["unlockHash"] = c.UnlockHash.ToString(),
            ["revisionNumber"] = c.RevisionNumber,
        })),
        ["fileContractRevisions"] = new JArray(t.FileContractRevisions.Select(r => new JObject
        {
            ["parentID"] = r.ParentId.ToString(),
            ["unlockConditions"] = Conditions(r.UnlockConditions),
            ["revisionNumber"] = r.NewRevisionNumber,
            ["filesize"] = r.NewFileSize,
            ["fileMerkleRoot"] = r.NewFileMerkleRoot.ToString(),
            ["windowStart"] = r.NewWindowStart,
            ["windowEnd"] = r.NewWindowEnd,
            ["validProofOutputs"] = new JArray(r.NewValidProofOutputs.Select(Output)),
            ["missedProofOutputs"] = new JArray(r.NewMissedProofOutputs.Select(Output)),
            ["unlockHash"] = r.NewUnlockHash.ToString(),
        })),
        ["storageProofs"] = new JArray(t.StorageProofs.Select(p => new JObject
        {
            ["parentID"] = p.ParentId.ToString(),
            ["leaf"] = Convert.ToHexStringLower(p.Segment),
            ["proof"] = new JArray(p.HashSet.Select(h => h.ToString())),
        })),
        ["siafundInputs"] = new JArray(t.SiafundInputs.Select(i => new JObject
        {
            ["parentID"] = i.ParentId.ToString(),
            ["unlockConditions"] = Conditions(i.UnlockConditions),
            ["claimAddress"] = i.ClaimUnlockHash.ToString(),
        })),
        ["siafundOutputs"] = new JArray(t.SiafundOutputs.Select(o => new JObject
        {
            ["value"] = (ulong)o.Value.Hastings,
            ["address"] = o.UnlockHash.ToString(),
        })),
        ["minerFees"] = new JArray(t.MinerFees.Select(f => f.ToString())),
        ["arbitraryData"] = new JArray(t.ArbitraryData.Select(Convert.ToBase64String)),
        ["signatures"] = new JArray(t.TransactionSignatures.Select(s => new JObject
        {
            ["parentID"] = s.ParentId.ToString(),
            ["publicKeyIndex"] = s.PublicKeyIndex,
            ["timelock"] = s.Timelock,
            ["coveredFields"] = Covered(s.CoveredFields),
            ["signature"] = Convert.ToBase64String(s.Signature),
        })),
    };

    private static JObject Output(SiacoinOutput o) => new() { ["value"] = o.Value.ToString(), ["address"] = o.UnlockHash.ToString() };

    private static JObject Conditions(UnlockConditions c) => new()
    {
        ["timelock"] = c.Timelock,
        ["publicKeys"] = new JArray(c.PublicKeys.Select(k => k.ToString())),
        ["signaturesRequired"] = c.SignaturesRequired,
    };

    private static JObject Covered(CoveredFields c) => new()
    {
        ["wholeTransaction"] = c.WholeTransaction,
        ["siacoinInputs"] = new JArray(c.SiacoinInputs),
        ["siacoinOutputs"] = new JArray(c.SiacoinOutputs),
        ["fileContracts"] = new JArray(c.FileContracts),
        ["fileContractRevisions"] = new JArray(c.FileContractRevisions),
        ["storageProofs"] = new JArray(c.StorageProofs),
        ["siafundInputs"] = new JArray(c.SiafundInputs),
        ["siafundOutputs"] = new JArray(c.SiafundOutputs),
        ["minerFees"] = new JArray(c.MinerFees),
        ["arbitraryData"] = new JArray(c.ArbitraryData),
        ["signatures"] = new JArray(c.TransactionSignatures),
    };
}
