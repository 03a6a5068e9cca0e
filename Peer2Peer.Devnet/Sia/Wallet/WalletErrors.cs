namespace Peer2Peer.Devnet.Sia.Wallet;

/// <summary>siad's wallet wordings (modules/wallet, modules/wallet.go).</summary>
public static class WalletErrors
{
    public const string Locked = "wallet must be unlocked before it can be used";
    public const string BadEncryptionKey = "provided encryption key is incorrect";
    public const string AlreadyUnlocked = "wallet has already been unlocked";
    public const string Unencrypted = "wallet has not been encrypted yet";
    public const string AlreadyEncrypted = "wallet is already encrypted, cannot encrypt again";
    public const string InsufficientBalance = "insufficient balance";
    public const string IncompleteTransactions = "wallet has coins spent in incomplete transactions - not enough remaining coins";
    public const string OutOfBounds = "requesting transactions at unknown confirmation heights";
}

/// <summary>A wallet operation siad would refuse, with its reason.</summary>
public sealed class WalletException(string message) : Exception(message);
