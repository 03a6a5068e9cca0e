using Newtonsoft.Json;

namespace Peer2Peer.Sidecar.OpenvCloud.Dtos;

/// <summary><c>machines/list {cloudspaceId}</c> (§3.8; the parameter is required).</summary>
public sealed class CloudSpaceRequest
{
    [JsonProperty("cloudspaceId")]
    public int CloudSpaceId { get; set; }
}

/// <summary><c>machines/get|start {machineId}</c>.</summary>
public sealed class MachineRequest
{
    [JsonProperty("machineId")]
    public int MachineId { get; set; }
}

/// <summary><c>machines/stop {machineId, force}</c>.</summary>
public sealed class MachineStopRequest
{
    [JsonProperty("machineId")]
    public int MachineId { get; set; }

    [JsonProperty("force")]
    public bool Force { get; set; }
}

/// <summary><c>machines/delete {machineId, permanently}</c> (the Go SDK always sends <c>permanently</c>).</summary>
public sealed class MachineDeleteRequest
{
    [JsonProperty("machineId")]
    public int MachineId { get; set; }

    [JsonProperty("permanently")]
    public bool Permanently { get; set; }
}

/// <summary><c>machines/create</c>: <c>sizeId</c> or <c>vcpus</c>+<c>memory</c>; absent fields are left out, as the Go SDK does.</summary>
public sealed class MachineCreateRequest
{
    [JsonProperty("cloudspaceId")]
    public int CloudSpaceId { get; set; }

    [JsonProperty("name")]
    public required string Name { get; set; }

    [JsonProperty("description", NullValueHandling = NullValueHandling.Ignore)]
    public string? Description { get; set; }

    [JsonProperty("imageId")]
    public int ImageId { get; set; }

    [JsonProperty("disksize")]
    public int DiskSize { get; set; }

    [JsonProperty("sizeId", NullValueHandling = NullValueHandling.Ignore)]
    public int? SizeId { get; set; }

    [JsonProperty("vcpus", NullValueHandling = NullValueHandling.Ignore)]
    public int? Vcpus { get; set; }

    [JsonProperty("memory", NullValueHandling = NullValueHandling.Ignore)]
    public int? Memory { get; set; }

    [JsonProperty("datadisks", NullValueHandling = NullValueHandling.Ignore)]
    public List<int>? DataDisks { get; set; }
}

/// <summary>Fields <c>machines/list</c> and <c>machines/get</c> spell alike.</summary>
public abstract class MachineFieldsDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("vcpus")]
    public int Vcpus { get; set; }

    [JsonProperty("memory")]
    public int Memory { get; set; }

    [JsonProperty("storage")]
    public int Storage { get; set; }

    [JsonProperty("creationTime")]
    public long CreationTime { get; set; }

    [JsonProperty("updateTime")]
    public long UpdateTime { get; set; }
}

/// <summary><c>machines/list</c> entry: <c>sizeId</c>/<c>imageId</c> in camel case, no cloudspace id.</summary>
public sealed class MachineListItemDto : MachineFieldsDto
{
    [JsonProperty("sizeId")]
    public int SizeId { get; set; }

    [JsonProperty("imageId")]
    public int ImageId { get; set; }
}

/// <summary>
/// <c>machines/get</c>: lower-case <c>cloudspaceid</c>, <c>sizeid</c>, <c>imageid</c>. The guest-OS <c>accounts</c>
/// (logins and passwords) are deliberately not modelled, so they can never reach a log.
/// </summary>
public sealed class MachineDto : MachineFieldsDto
{
    [JsonProperty("cloudspaceid")]
    public int CloudSpaceId { get; set; }

    [JsonProperty("sizeid")]
    public int SizeId { get; set; }

    [JsonProperty("imageid")]
    public int ImageId { get; set; }
}
