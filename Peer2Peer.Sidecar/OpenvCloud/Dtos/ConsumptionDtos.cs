using Newtonsoft.Json;

namespace Peer2Peer.Sidecar.OpenvCloud.Dtos;

/// <summary><c>accounts/getConsumption {accountId, start, end}</c>: epoch seconds, both inclusive at hour granularity (§3.11).</summary>
public sealed class ConsumptionRequest
{
    [JsonProperty("accountId")]
    public int AccountId { get; set; }

    [JsonProperty("start")]
    public long Start { get; set; }

    [JsonProperty("end")]
    public long End { get; set; }
}

/// <summary>One hourly snapshot (the value under an epoch-string key). Zero fields may be omitted: defaults apply.</summary>
public sealed class ConsumptionAccountDto
{
    [JsonProperty("accountId")]
    public int AccountId { get; set; }

    [JsonProperty("cloudspaces")]
    public List<ConsumptionCloudSpaceDto>? CloudSpaces { get; set; }
}

public sealed class ConsumptionCloudSpaceDto
{
    /// <summary>Capital S, unlike everywhere else.</summary>
    [JsonProperty("cloudSpaceId")]
    public int CloudSpaceId { get; set; }

    [JsonProperty("machines")]
    public List<ConsumptionMachineDto>? Machines { get; set; }
}

/// <summary>A VM (<c>type: vm</c>) or the cloudspace's virtual router (<c>type: routeros</c>, no id).</summary>
public sealed class ConsumptionMachineDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("type")]
    public string? Type { get; set; }

    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("vcpus")]
    public int Vcpus { get; set; }

    [JsonProperty("mem")]
    public double Mem { get; set; }

    [JsonProperty("cpuMinutes")]
    public double CpuMinutes { get; set; }

    [JsonProperty("imageName")]
    public string? ImageName { get; set; }

    [JsonProperty("disks")]
    public List<ConsumptionDiskDto>? Disks { get; set; }
}

public sealed class ConsumptionDiskDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("size")]
    public double Size { get; set; }
}
