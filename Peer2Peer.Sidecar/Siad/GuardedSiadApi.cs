using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad.Dtos;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>
/// <see cref="ISiadApi"/> with transport failures turned into <see cref="SiadUnreachableException"/>, so that every
/// failure leaving the adapter is a <see cref="SiadException"/> (HTTP errors already are, through the error mapper).
/// </summary>
internal sealed class GuardedSiadApi(ISiadApi api) : ISiadApi
{
    public Task<DaemonVersionResponse> GetVersionAsync(CancellationToken ct) => Guard(() => api.GetVersionAsync(ct), ct);

    public Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken ct) => Guard(() => api.GetConstantsAsync(ct), ct);

    public Task<ConsensusResponse> GetConsensusAsync(CancellationToken ct) => Guard(() => api.GetConsensusAsync(ct), ct);

    public Task<ConsensusBlockResponse> GetBlockAsync(ulong height, CancellationToken ct) => Guard(() => api.GetBlockAsync(height, ct), ct);

    public Task<ConsensusBlockResponse> GetBlockByIdAsync(Hash256 id, CancellationToken ct) => Guard(() => api.GetBlockByIdAsync(id, ct), ct);

    public Task<GatewayResponse> GetGatewayAsync(CancellationToken ct) => Guard(() => api.GetGatewayAsync(ct), ct);

    public Task<HostResponse> GetHostAsync(CancellationToken ct) => Guard(() => api.GetHostAsync(ct), ct);

    public Task AnnounceHostAsync(Dictionary<string, string> form, CancellationToken ct) => Guard(() => api.AnnounceHostAsync(form, ct), ct);

    public Task<HostDbHostsResponse> GetAllHostsAsync(CancellationToken ct) => Guard(() => api.GetAllHostsAsync(ct), ct);

    public Task<HostDbHostsResponse> GetActiveHostsAsync(CancellationToken ct) => Guard(() => api.GetActiveHostsAsync(ct), ct);

    public Task<HostDbHostResponse> GetHostDbEntryAsync(string publicKey, CancellationToken ct) => Guard(() => api.GetHostDbEntryAsync(publicKey, ct), ct);

    public Task<WalletResponse> GetWalletAsync(CancellationToken ct) => Guard(() => api.GetWalletAsync(ct), ct);

    public Task<WalletAddressResponse> GetWalletAddressAsync(CancellationToken ct) => Guard(() => api.GetWalletAddressAsync(ct), ct);

    public Task<WalletTransactionsResponse> GetWalletTransactionsAsync(ulong startheight, long endheight, CancellationToken ct) =>
        Guard(() => api.GetWalletTransactionsAsync(startheight, endheight, ct), ct);

    public Task<WalletSiacoinsResponse> SendSiacoinsAsync(Dictionary<string, string> form, CancellationToken ct) => Guard(() => api.SendSiacoinsAsync(form, ct), ct);

    public Task<TpoolFeeResponse> GetTpoolFeeAsync(CancellationToken ct) => Guard(() => api.GetTpoolFeeAsync(ct), ct);

    public Task BroadcastAsync(Dictionary<string, string> form, CancellationToken ct) => Guard(() => api.BroadcastAsync(form, ct), ct);

    public Task<TpoolConfirmedResponse> GetConfirmedAsync(Hash256 id, CancellationToken ct) => Guard(() => api.GetConfirmedAsync(id, ct), ct);

    public Task<MinerResponse> GetMinerAsync(CancellationToken ct) => Guard(() => api.GetMinerAsync(ct), ct);

    private static async Task Guard(Func<Task> call, CancellationToken ct) => await Guard(async () => { await call(); return true; }, ct);

    private static async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Unreachable(e) is { } reason)
        {
            throw new SiadUnreachableException($"siad did not answer: {reason}", e);
        }
    }

    private static string? Unreachable(Exception e) => e switch
    {
        BrokenCircuitException => "too many recent failures, calls paused (circuit open)",
        TimeoutRejectedException => "timed out",
        ApiRequestException { InnerException: { } inner } => Unreachable(inner) ?? inner.Message,
        HttpRequestException or OperationCanceledException or IOException => e.Message,
        _ => null,
    };
}
