using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad.Dtos;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>What the sidecar needs of siad, in Sia types. Only endpoints both 1.3.x and 1.5.x serve.</summary>
public interface ISiadClient
{
    Task<SiadVersion> GetVersionAsync(CancellationToken cancellationToken);

    Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken cancellationToken);

    Task<ConsensusTip> GetConsensusAsync(CancellationToken cancellationToken);

    /// <summary>The block at <paramref name="height"/> on the node's current chain, or null above the tip.</summary>
    Task<ChainBlock?> GetBlockAsync(ulong height, CancellationToken cancellationToken);

    Task<TransactionFee> GetTransactionFeeAsync(CancellationToken cancellationToken);

    /// <summary>Submits a signed transaction (and unconfirmed parents) to the pool; resubmitting the same one is safe.</summary>
    Task BroadcastAsync(Transaction transaction, IReadOnlyList<Transaction> parents, CancellationToken cancellationToken);

    Task<bool> IsConfirmedAsync(Hash256 transactionId, CancellationToken cancellationToken);

    Task<WalletResponse> GetWalletAsync(CancellationToken cancellationToken);

    /// <summary>Pays <paramref name="amount"/> from siad's wallet; never retried blindly (see <see cref="SiadClient"/>).</summary>
    Task<IReadOnlyList<Hash256>> SendSiacoinsAsync(Currency amount, UnlockHash destination, CancellationToken cancellationToken);

    Task<HostResponse> GetHostAsync(CancellationToken cancellationToken);

    Task AnnounceHostAsync(string? netAddress, CancellationToken cancellationToken);

    Task<IReadOnlyList<HostDbEntry>> GetAllHostsAsync(CancellationToken cancellationToken);
}
