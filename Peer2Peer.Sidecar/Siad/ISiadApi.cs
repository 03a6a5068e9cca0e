using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad.Dtos;
using Refit;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>
/// siad's HTTP API as Refit sees it (SIAD.md §12). Transport only: callers use <see cref="ISiadClient"/>, which maps
/// these shapes to Sia types and siad's errors to <see cref="SiadException"/>s. Every route here exists in 1.3.3 and
/// 1.5.x unless marked 1.5-only.
/// </summary>
public interface ISiadApi
{
    [Get("/daemon/version")]
    Task<DaemonVersionResponse> GetVersionAsync(CancellationToken cancellationToken);

    [Get("/daemon/constants")]
    Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken cancellationToken);

    [Get("/consensus")]
    Task<ConsensusResponse> GetConsensusAsync(CancellationToken cancellationToken);

    [Get("/consensus/blocks")]
    Task<ConsensusBlockResponse> GetBlockAsync(ulong height, CancellationToken cancellationToken);

    [Get("/consensus/blocks")]
    Task<ConsensusBlockResponse> GetBlockByIdAsync(Hash256 id, CancellationToken cancellationToken);

    [Get("/gateway")]
    Task<GatewayResponse> GetGatewayAsync(CancellationToken cancellationToken);

    [Get("/host")]
    Task<HostResponse> GetHostAsync(CancellationToken cancellationToken);

    [Post("/host/announce")]
    Task AnnounceHostAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Get("/hostdb/all")]
    Task<HostDbHostsResponse> GetAllHostsAsync(CancellationToken cancellationToken);

    [Get("/hostdb/active")]
    Task<HostDbHostsResponse> GetActiveHostsAsync(CancellationToken cancellationToken);

    [Get("/hostdb/hosts/{publicKey}")]
    Task<HostDbHostResponse> GetHostDbEntryAsync(string publicKey, CancellationToken cancellationToken);

    [Get("/wallet")]
    Task<WalletResponse> GetWalletAsync(CancellationToken cancellationToken);

    [Get("/wallet/address")]
    Task<WalletAddressResponse> GetWalletAddressAsync(CancellationToken cancellationToken);

    [Get("/wallet/transactions")]
    Task<WalletTransactionsResponse> GetWalletTransactionsAsync(ulong startheight, long endheight, CancellationToken cancellationToken);

    [Post("/wallet/siacoins")]
    Task<WalletSiacoinsResponse> SendSiacoinsAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Get("/tpool/fee")]
    Task<TpoolFeeResponse> GetTpoolFeeAsync(CancellationToken cancellationToken);

    [Post("/tpool/raw")]
    Task BroadcastAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Get("/tpool/confirmed/{id}")]
    Task<TpoolConfirmedResponse> GetConfirmedAsync(Hash256 id, CancellationToken cancellationToken);

    [Get("/miner")]
    Task<MinerResponse> GetMinerAsync(CancellationToken cancellationToken);
}
