namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>
/// A cloudspace whose deployment is asynchronous like the real one: VIRTUAL for the first half of the deploy
/// time, DEPLOYING for the second, then DEPLOYED. Status is derived from the clock on every read, so no
/// background loop is needed and a fake clock drives it exactly.
/// </summary>
internal sealed class CloudSpace
{
    public required int Id { get; init; }

    public required int AccountId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required LocationSpec Location { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset DeployedAt { get; set; }

    public required string ExternalIp { get; init; }

    public string PrivateNetwork { get; init; } = "192.168.103.0/24";

    public string Type { get; init; } = "routeros";

    public required string Secret { get; init; }

    public List<Ace> Acl { get; } = [];

    public IReadOnlyList<int> AllowedVMSizes { get; init; } = [];

    public ResourceLimits Limits { get; init; } = ResourceLimits.Unlimited;

    public string StatusAt(DateTimeOffset now) =>
        now >= DeployedAt ? Statuses.Deployed
        : now >= CreatedAt + (DeployedAt - CreatedAt) / 2 ? Statuses.Deploying
        : Statuses.Virtual;

    public DateTimeOffset UpdateTimeAt(DateTimeOffset now) => now >= DeployedAt ? DeployedAt : CreatedAt;

    public string ExternalIpAt(DateTimeOffset now) => now >= DeployedAt ? ExternalIp : "";
}

/// <summary>Quota in OVC cloud units; -1 = unlimited. Not enforced by the devnet.</summary>
internal sealed record ResourceLimits(double CuM, int CuC, int CuD, int CuI, int CuNp)
{
    public static ResourceLimits Unlimited { get; } = new(-1, -1, -1, -1, -1);
}
