namespace Peer2Peer.Sidecar.Hosting;

/// <summary>A capability's section of <c>GET /api/status</c>. Never include secrets.</summary>
public interface IStatusContributor
{
    string Section { get; }

    object GetStatus();
}
