using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Hosts;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/gateway (SIAD.md §3.3): every other devnet node is a peer; connect/disconnect only validate.</summary>
public static class GatewayApi
{
    public static void MapGatewayApi(this IEndpointRouteBuilder app, SiadNode node, Func<IReadOnlyList<SiadNode>> peers)
    {
        app.MapGet("/gateway", () =>
        {
            var list = peers().Where(p => p != node)
                .Select(p => new { inbound = p.Index < node.Index, local = true, netaddress = p.GatewayAddress, version = node.Profile.VersionString })
                .ToArray();
            return node.Profile.Is133
                ? SiadResults.Json(new { netaddress = node.GatewayAddress, peers = list })
                : SiadResults.Json(new { netaddress = node.GatewayAddress, peers = list, online = true, maxdownloadspeed = 0, maxuploadspeed = 0 });
        });
        app.MapPost("/gateway/connect/{netaddress}", (string netaddress) => Connect(node, netaddress)).WithMetadata(RequiresPasswordAttribute.Instance);
        app.MapPost("/gateway/disconnect/{netaddress}", (string netaddress) => NetAddress.StdValidError(netaddress) is null
            ? SiadResults.Success()
            : SiadResults.Error("can't disconnect from invalid address")).WithMetadata(RequiresPasswordAttribute.Instance);
    }

    private static IResult Connect(SiadNode node, string netaddress)
    {
        if (NetAddress.StdValidError(netaddress) is not null)
        {
            return SiadResults.Error("can't connect to invalid address");
        }

        var host = netaddress[..netaddress.LastIndexOf(':')].Trim('[', ']');
        if (!System.Net.IPAddress.TryParse(host, out _))
        {
            return SiadResults.Error("address must be an IP address");
        }

        return netaddress == node.GatewayAddress ? SiadResults.Error("can't connect to our own address") : SiadResults.Success();
    }
}

/// <summary>/miner (SIAD.md §3.8): start/stop toggle the devnet miner for this node; no header/block work.</summary>
public static class MinerApi
{
    public static void MapMinerApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        app.MapGet("/miner", () => SiadResults.Json(new
        {
            blocksmined = node.BlocksMined,
            cpuhashrate = node.Mining ? 1_000_000 : 0,
            cpumining = node.Mining,
            staleblocksmined = 0,
        }));
        app.MapGet("/miner/start", () =>
        {
            node.Mining = true;
            return SiadResults.Success();
        }).WithMetadata(RequiresPasswordAttribute.Instance);
        app.MapGet("/miner/stop", () =>
        {
            node.Mining = false;
            return SiadResults.Success();
        }).WithMetadata(RequiresPasswordAttribute.Instance);
    }
}
