using Peer2Peer.Devnet.OpenvCloud.Async;
using Peer2Peer.Devnet.OpenvCloud.Auth;
using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>The parts of one controller the actors and the dispatcher share.</summary>
internal sealed class ControllerServices
{
    public required string Name { get; init; }

    public required ControllerState State { get; init; }

    public required DevnetClock Clock { get; init; }

    public required FaultInjector Faults { get; init; }

    public required AuthkeySessions Sessions { get; init; }

    public required CallerResolver Callers { get; init; }

    public required TaskRegistry Tasks { get; init; }

    public required OpenvCloudClusterOptions Options { get; init; }

    /// <summary>Set once Kestrel has bound its port.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Grid id shown in error-condition ids (eco-&lt;gid&gt;-…): the first location's.</summary>
    public int Gid => State.Catalogue.Locations.Count > 0 ? State.Catalogue.Locations[0].Gid : 0;
}
