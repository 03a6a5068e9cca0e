using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Control;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>Every route of one node, by siad module, for the node's siad generation.</summary>
public static class SiadApi
{
    public static void MapSiadApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        app.MapDaemonApi(node);
        app.MapConsensusApi(node);
        app.MapGatewayApi(node, () => node.Peers());
        app.MapHostApi(node);
        app.MapHostDbApi(node, key => node.Peers().FirstOrDefault(p => p.Host.PublicKey.Equals(key)));
        app.MapMinerApi(node);
        app.MapTpoolApi(node);
        app.MapWalletApi(node);
        app.MapDevnetControlApi(node);
    }
}
