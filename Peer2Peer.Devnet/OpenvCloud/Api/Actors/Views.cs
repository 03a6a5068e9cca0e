using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud.Api.Actors;

/// <summary>
/// JSON shapes shared by several actors, with the real key spellings. Keys whose type in real clients is
/// unclear (NIC/ACE <c>guid</c>, NIC <c>params</c>) are left out: a missing key decodes as zero, a wrong type fails the call.
/// </summary>
internal static class Views
{
    public static object Ace(Ace ace) => new
    {
        userGroupId = ace.UserGroupId,
        type = "U",
        right = ace.Right,
        status = Statuses.Confirmed,
        @explicit = true,
    };

    public static object AceWithDelete(Ace ace, bool @explicit = true) => new
    {
        userGroupId = ace.UserGroupId,
        type = "U",
        right = ace.Right,
        status = Statuses.Confirmed,
        @explicit,
        canBeDeleted = @explicit,
    };

    public static object Nic(Machine machine) => new
    {
        type = "bridge",
        status = "ACTIVE",
        ipAddress = machine.Nic.IpAddress,
        macAddress = machine.Nic.MacAddress,
        networkId = machine.Nic.NetworkId,
        deviceName = $"vm-{machine.Id}-{machine.Nic.NetworkId:x4}",
        referenceId = "",
    };

    public static object Limits(ResourceLimits limits) => new
    {
        CU_M = limits.CuM,
        CU_C = limits.CuC,
        CU_D = limits.CuD,
        CU_I = limits.CuI,
        CU_NP = limits.CuNp,
    };

    public static long Epoch(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
