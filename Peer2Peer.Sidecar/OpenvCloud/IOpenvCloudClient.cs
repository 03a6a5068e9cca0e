namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// What the sidecar needs of one OpenvCloud controller (OPENVCLOUD.md §5), in domain records. Every failure is an
/// <see cref="OpenvCloudException"/>. The provider's own controller is registered as the default instance; others come
/// from <see cref="IOpenvCloudClientFactory"/>.
/// </summary>
public interface IOpenvCloudClient
{
    Uri BaseUrl { get; }

    Task<IReadOnlyList<OvcLocation>> ListLocationsAsync(CancellationToken cancellationToken);

    /// <summary>Every size of a location's grid.</summary>
    Task<IReadOnlyList<OvcSize>> ListSizesAsync(string locationCode, CancellationToken cancellationToken);

    /// <summary>The sizes a cloudspace allows.</summary>
    Task<IReadOnlyList<OvcSize>> ListSizesForCloudSpaceAsync(int cloudSpaceId, CancellationToken cancellationToken);

    /// <summary>System images, plus the account's own when <paramref name="accountId"/> is given.</summary>
    Task<IReadOnlyList<OvcImage>> ListImagesAsync(int? accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OvcAccount>> ListAccountsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OvcMachine>> ListMachinesAsync(int cloudSpaceId, CancellationToken cancellationToken);

    /// <summary>The machine, or null when the controller says it does not exist (never did, deleted, destroyed).</summary>
    Task<OvcMachine?> GetMachineAsync(int machineId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a machine and returns its id. Never retried blindly: when the answer is lost, the cloudspace is checked
    /// for a machine of that name before the failure is reported.
    /// </summary>
    Task<int> CreateMachineAsync(OvcMachineSpec spec, CancellationToken cancellationToken);

    Task StartMachineAsync(int machineId, CancellationToken cancellationToken);

    Task StopMachineAsync(int machineId, bool force, CancellationToken cancellationToken);

    /// <summary>To the recycle bin (DELETED), or DESTROYED when <paramref name="permanently"/>.</summary>
    Task DeleteMachineAsync(int machineId, bool permanently, CancellationToken cancellationToken);

    /// <summary>Hourly snapshots with hour H in [<paramref name="from"/>, <paramref name="to"/>) that the controller has published, oldest first.</summary>
    Task<IReadOnlyList<OvcConsumptionSnapshot>> GetConsumptionAsync(int accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Who the controller thinks the caller is (<c>guest</c> when the credentials are not accepted).</summary>
    Task<string> WhoAmIAsync(CancellationToken cancellationToken);

    /// <summary>Unauthenticated <c>cloudbroker/health/status</c> with the configured probe timeout; never throws for a sick controller.</summary>
    Task<OvcHealth> GetHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Clients for any controller: the consumer's view of other providers (URLs from the chain catalogue).</summary>
public interface IOpenvCloudClientFactory
{
    /// <summary>A client for the controller at <paramref name="baseUrl"/> (prefix of <c>/restmachine/…</c>) with these credentials.</summary>
    IOpenvCloudClient Create(Uri baseUrl, OpenvCloudCredentials credentials);
}

/// <summary>Liveness of any controller, unauthenticated, one attempt, bounded by a timeout.</summary>
public interface IOpenvCloudHealthProbe
{
    /// <summary>Up, degraded or down (with the reason); throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    Task<OvcHealth> ProbeAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken);
}
