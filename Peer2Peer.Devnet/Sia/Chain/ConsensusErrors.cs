namespace Peer2Peer.Devnet.Sia.Chain;

/// <summary>siad's consensus error wordings (types/validtransaction.go, modules/consensus/validtransaction.go).</summary>
public static class ConsensusErrors
{
    public const string DoubleSpend = "transaction uses a parent object twice";
    public const string FileContractOutputSumViolation = "file contract has invalid output sums";
    public const string FileContractWindowEndViolation = "file contract window must end at least one block after it starts";
    public const string FileContractWindowStartViolation = "file contract window must start in the future";
    public const string NonZeroClaimStart = "transaction has a siafund output with a non-zero siafund claim";
    public const string StorageProofWithOutputs = "transaction has both a storage proof and other outputs";
    public const string TimelockNotSatisfied = "timelock has not been met";
    public const string TransactionTooLarge = "transaction is too large to fit in a block";
    public const string ZeroMinerFee = "transaction has a zero value miner fee";
    public const string ZeroOutput = "transaction cannot have an output or payout that has zero value";

    public const string AlteredRevisionPayouts = "file contract revision has altered payout volume";
    public const string InvalidStorageProof = "provided storage proof is invalid";
    public const string LateRevision = "file contract revision submitted after deadline";
    public const string LowRevisionNumber = "transaction has a file contract with an outdated revision number";
    public const string MissingSiacoinOutput = "transaction spends a nonexisting siacoin output";
    public const string MissingSiafundOutput = "transaction spends a nonexisting siafund output";
    public const string SiacoinInputOutputMismatch = "siacoin inputs do not equal siacoin outputs for transaction";
    public const string SiafundInputOutputMismatch = "siafund inputs do not equal siafund outputs for transaction";
    public const string UnfinishedFileContract = "file contract window has not yet openend";
    public const string UnrecognizedFileContractId = "cannot fetch storage proof segment for unknown file contract";
    public const string WrongUnlockConditions = "transaction contains incorrect unlock conditions";
    public const string NilItem = "requested item does not exist";

    public const string OrphanBlock = "block has no known parent";
    public const string EarlyTimestamp = "block timestamp is too early";
    public const string LargeBlock = "block is too large to be accepted";
    public const string BadMinerPayouts = "block has invalid miner payouts";
    public const string BadNonce = "block nonce is not a multiple of 1009 (ASIC hardfork)";
}

/// <summary>A block or transaction that consensus refuses, with siad's reason.</summary>
public sealed class ConsensusException(string message) : Exception(message);
