using Newtonsoft.Json;

namespace Peer2Peer.Sidecar.OpenvCloud.Dtos;

/// <summary>No parameters: serialized as <c>{}</c> (OPENVCLOUD.md §1.3 recommends a JSON object body on every call).</summary>
public sealed class EmptyRequest
{
    public static readonly EmptyRequest Instance = new();
}

/// <summary><c>cloudapi/locations/list</c> entry (§3.2); full model dumps also carry <c>guid</c> and <c>_meta</c>, ignored.</summary>
public sealed class LocationDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("gid")]
    public int Gid { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("locationCode")]
    public string? LocationCode { get; set; }

    [JsonProperty("flag")]
    public string? Flag { get; set; }
}

/// <summary><c>cloudapi/sizes/list</c> parameters: exactly one of the two (§3.3).</summary>
public sealed class SizesListRequest
{
    [JsonProperty("location", NullValueHandling = NullValueHandling.Ignore)]
    public string? Location { get; set; }

    [JsonProperty("cloudspaceId", NullValueHandling = NullValueHandling.Ignore)]
    public int? CloudSpaceId { get; set; }
}

/// <summary><c>cloudapi/sizes/list</c> entry: memory in MiB, <c>disks</c> = allowed boot-disk sizes in GB.</summary>
public sealed class SizeDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("vcpus")]
    public int Vcpus { get; set; }

    [JsonProperty("memory")]
    public int Memory { get; set; }

    [JsonProperty("disks")]
    public List<int>? Disks { get; set; }
}

/// <summary><c>cloudapi/images/list</c> parameters (§3.4).</summary>
public sealed class ImagesListRequest
{
    [JsonProperty("accountId", NullValueHandling = NullValueHandling.Ignore)]
    public int? AccountId { get; set; }

    [JsonProperty("cloudspaceId", NullValueHandling = NullValueHandling.Ignore)]
    public int? CloudSpaceId { get; set; }
}

/// <summary><c>cloudapi/images/list</c> entry: <c>size</c> is the minimum boot disk in GB.</summary>
public sealed class ImageDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }

    [JsonProperty("type")]
    public string? Type { get; set; }

    [JsonProperty("size")]
    public int Size { get; set; }

    [JsonProperty("accountId")]
    public int AccountId { get; set; }

    [JsonProperty("status")]
    public string? Status { get; set; }
}

/// <summary><c>cloudapi/accounts/list</c> entry (§3.6); the ACL is not needed by the sidecar.</summary>
public sealed class AccountDto
{
    [JsonProperty("id")]
    public int Id { get; set; }

    [JsonProperty("name")]
    public string? Name { get; set; }
}

/// <summary><c>system/usermanager/whoami</c> (§2.3).</summary>
public sealed class WhoAmIDto
{
    [JsonProperty("name")]
    public string? Name { get; set; }
}

/// <summary><c>cloudapi/users/authenticate</c> (§2.2, legacy). Never logged: it carries the password.</summary>
public sealed class AuthenticateRequest
{
    [JsonProperty("username")]
    public required string Username { get; init; }

    [JsonProperty("password")]
    public required string Password { get; init; }

    public override string ToString() => $"AuthenticateRequest {{ Username = {Username}, Password = [redacted] }}";
}
