using Peer2Peer.Sidecar.OpenvCloud.Dtos;
using Refit;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// The cloudapi calls of OPENVCLOUD.md §5 as Refit sees them: every call a POST with a JSON object body and
/// <c>Accept: application/json</c> (§1.3, §1.4). Transport only: callers use <see cref="IOpenvCloudClient"/>, which
/// maps these shapes to domain records and failures to <see cref="OpenvCloudException"/>s.
/// </summary>
[Headers("Accept: application/json")]
public interface IOpenvCloudApi
{
    [Post("/restmachine/cloudapi/locations/list")]
    Task<List<LocationDto>> ListLocationsAsync([Body] EmptyRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/sizes/list")]
    Task<List<SizeDto>> ListSizesAsync([Body] SizesListRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/images/list")]
    Task<List<ImageDto>> ListImagesAsync([Body] ImagesListRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/accounts/list")]
    Task<List<AccountDto>> ListAccountsAsync([Body] EmptyRequest body, CancellationToken cancellationToken);

    /// <summary>JSON keyed by snapshot epoch strings (§3.11); POST is what builds after 2018-09 answer with JSON.</summary>
    [Post("/restmachine/cloudapi/accounts/getConsumption")]
    Task<Dictionary<string, ConsumptionAccountDto>> GetConsumptionAsync([Body] ConsumptionRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/machines/list")]
    Task<List<MachineListItemDto>> ListMachinesAsync([Body] CloudSpaceRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/machines/get")]
    Task<MachineDto> GetMachineAsync([Body] MachineRequest body, CancellationToken cancellationToken);

    /// <summary>A JSON integer: the new machine's id.</summary>
    [Post("/restmachine/cloudapi/machines/create")]
    Task<int> CreateMachineAsync([Body] MachineCreateRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/machines/start")]
    Task<bool> StartMachineAsync([Body] MachineRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/machines/stop")]
    Task<bool> StopMachineAsync([Body] MachineStopRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/cloudapi/machines/delete")]
    Task<bool> DeleteMachineAsync([Body] MachineDeleteRequest body, CancellationToken cancellationToken);

    [Post("/restmachine/system/usermanager/whoami")]
    Task<WhoAmIDto> WhoAmIAsync([Body] EmptyRequest body, CancellationToken cancellationToken);

    /// <summary>
    /// Legacy login (§2.2): a JSON-string session key. Sent by the auth layer, never with credentials attached. Typed as a
    /// token (not <c>string</c>, which Refit hands over raw and unbounded) so the size cap and JSON decoding apply.
    /// </summary>
    [Post("/restmachine/cloudapi/users/authenticate")]
    Task<Newtonsoft.Json.Linq.JToken> AuthenticateAsync([Body] AuthenticateRequest body, CancellationToken cancellationToken);
}
