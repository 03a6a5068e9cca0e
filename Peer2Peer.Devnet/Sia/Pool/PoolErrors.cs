namespace Peer2Peer.Devnet.Sia.Pool;

/// <summary>siad's transaction-pool wordings (modules/transactionpool, modules/*.go).</summary>
public static class PoolErrors
{
    public const string EmptySet = "transaction set is empty";
    public const string LargeTransaction = "transaction is too large for this transaction pool";
    public const string LargeTransactionSet = "transaction set exceeds the size limit";
    public const string InvalidArbPrefix = "transaction contains non-standard arbitrary data";
    public const string UnrecognizedKeyType = "unrecognized key type in transaction";
    public const string LowMinerFees = "transaction set needs more miner fees to be accepted";
    public const string FullPool = "transaction pool cannot accept more transactions";
}
