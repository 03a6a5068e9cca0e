namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>Status strings exactly as OpenvCloud spells them (OPENVCLOUD.md §3.7, §3.8).</summary>
internal static class Statuses
{
    public const string Running = "RUNNING";
    public const string Halted = "HALTED";
    public const string Deleted = "DELETED";
    public const string Destroyed = "DESTROYED";

    public const string Virtual = "VIRTUAL";
    public const string Deploying = "DEPLOYING";
    public const string Deployed = "DEPLOYED";

    public const string Confirmed = "CONFIRMED";

    /// <summary>Machines in these states are hidden from <c>machines/list</c> and 404 on <c>machines/get</c>.</summary>
    public static bool IsGone(string machineStatus) => machineStatus is Deleted or Destroyed;
}
