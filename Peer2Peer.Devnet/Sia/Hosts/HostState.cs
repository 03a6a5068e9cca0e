using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Devnet.Sia.Hosts;

/// <summary>A node's host module: its key and the settings POST /host changes (siad's defaults for a dev build).</summary>
public sealed class HostState
{
    public HostState(byte[] keySeed, string defaultNetAddress)
    {
        Key = Ed25519.ImportSeed(keySeed);
        PublicKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(Key));
        DefaultNetAddress = defaultNetAddress;
    }

    public Key Key { get; }

    public SiaPublicKey PublicKey { get; }

    /// <summary>What the host announces when no address was configured (siad would detect its external IP).</summary>
    public string DefaultNetAddress { get; }

    public bool AcceptingContracts { get; set; }

    public ulong MaxDownloadBatchSize { get; set; } = 17_825_792;

    public ulong MaxDuration { get; set; } = 25_920;

    public ulong MaxReviseBatchSize { get; set; } = 17_825_792;

    public string NetAddress { get; set; } = "";

    public ulong WindowSize { get; set; } = 36;

    public ulong TotalStorage { get; set; }

    public ulong RemainingStorage { get; set; }

    public Currency Collateral { get; set; } = new(23_148_148_148);

    public Currency CollateralBudget { get; set; } = Currency.Siacoins(100_000);

    public Currency MaxCollateral { get; set; } = Currency.Siacoins(5_000);

    public Currency MinBaseRpcPrice { get; set; } = new(100_000_000_000_000);

    public Currency MinContractPrice { get; set; } = Currency.Siacoins(100) / 1000;

    public Currency MinDownloadBandwidthPrice { get; set; } = new(25_000_000_000_000);

    public Currency MinSectorAccessPrice { get; set; } = new(1_000_000_000_000_000_000);

    public Currency MinStoragePrice { get; set; } = new(11_574_074_074);

    public Currency MinUploadBandwidthPrice { get; set; } = new(1_000_000_000_000);

    public ulong EphemeralAccountExpirySeconds { get; set; } = 604_800;

    public Currency MaxEphemeralAccountBalance { get; set; } = Currency.Siacoins(1);

    public Currency MaxEphemeralAccountRisk { get; set; } = Currency.Siacoins(5);

    public ulong RegistrySize { get; set; }

    public string CustomRegistryPath { get; set; } = "";

    public UnlockHash UnlockHash { get; set; }

    public ulong RevisionNumber { get; set; }

    public int SettingsCalls { get; set; }
}
