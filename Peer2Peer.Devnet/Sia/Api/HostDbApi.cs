using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Hosts;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/hostdb/* (SIAD.md §3.5): hosts from announcements on the chain; scans answer for the devnet's own hosts.</summary>
public static class HostDbApi
{
    public static void MapHostDbApi(this IEndpointRouteBuilder app, SiadNode node, Func<SiaPublicKey, SiadNode?> findHost)
    {
        app.MapGet("/hostdb", () => SiadResults.Json(new { initialscancomplete = true }));
        app.MapGet("/hostdb/active", (HttpContext c) =>
        {
            var limit = int.TryParse(c.Field("numhosts"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
            var hosts = Entries(node, findHost).Where(e => e.Active).Take(limit).Select(e => e.Json).ToArray();
            return SiadResults.Json(new { hosts = hosts.Length == 0 ? null : hosts });
        });
        app.MapGet("/hostdb/all", () =>
        {
            var hosts = Entries(node, findHost).Select(e => e.Json).ToArray();
            return SiadResults.Json(new { hosts = hosts.Length == 0 ? null : hosts });
        });
        app.MapGet("/hostdb/hosts/{pubkey}", (string pubkey) =>
        {
            var entry = Entries(node, findHost).FirstOrDefault(e => e.Key == pubkey);
            return entry.Json is null
                ? SiadResults.Error("requested host does not exist")
                : SiadResults.Json(new { entry = entry.Json, scorebreakdown = ScoreBreakdown(node.Profile) });
        });
    }

    private static List<(string Key, bool Active, Dictionary<string, object?> Json)> Entries(SiadNode node, Func<SiaPublicKey, SiadNode?> findHost) =>
        node.Chain.Read(c => c.HostDb.All.Select(entry =>
        {
            var lastScanOk = entry.ScanHistory.Count > 0 && entry.ScanHistory[^1].Success;
            var live = lastScanOk ? findHost(entry.PublicKey) : null;
            var json = ToJson(entry, live, node.Profile);
            return (entry.PublicKey.ToString(), live is not null && live.Host.AcceptingContracts, json);
        }).ToList());

    private static Dictionary<string, object?> ToJson(HostDbEntry entry, SiadNode? live, SiadProfile profile)
    {
        var json = HostApi.ExternalSettings(live, profile, entry.NetAddress);
        json["netaddress"] = entry.NetAddress;
        var successes = entry.ScanHistory.Count(s => s.Success);
        json["firstseen"] = entry.FirstSeen;
        json["historicdowntime"] = 0;
        json["historicuptime"] = 0;
        json["scanhistory"] = entry.ScanHistory.Count == 0 ? null : entry.ScanHistory.Select(s => new
        {
            timestamp = s.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            success = s.Success,
        }).ToArray();
        json["historicfailedinteractions"] = 0;
        json["historicsuccessfulinteractions"] = 0;
        json["recentfailedinteractions"] = entry.ScanHistory.Count - successes;
        json["recentsuccessfulinteractions"] = successes;
        if (profile.Is133)
        {
            json["LastHistoricUpdate"] = 0;
        }
        else
        {
            json["lasthistoricupdate"] = 0;
            json["ipnets"] = null;
            json["lastipnetchange"] = "0001-01-01T00:00:00Z";
        }

        json["publickey"] = entry.PublicKey;
        if (!profile.Is133)
        {
            json["filtered"] = false;
        }

        json["publickeystring"] = entry.PublicKey.ToString();
        return json;
    }

    private static object ScoreBreakdown(SiadProfile profile) => profile.Is133
        ? new { score = "1", conversionrate = 100.0, ageadjustment = 1.0, burnadjustment = 1.0, collateraladjustment = 1.0, interactionadjustment = 1.0, pricesmultiplier = 1.0, storageremainingadjustment = 1.0, uptimeadjustment = 1.0, versionadjustment = 1.0 }
        : new
        {
            score = "1", conversionrate = 100.0, acceptcontractadjustment = 1.0, ageadjustment = 1.0, basepriceadjustment = 1.0, burnadjustment = 1.0,
            collateraladjustment = 1.0, durationadjustment = 1.0, interactionadjustment = 1.0, pricesmultiplier = 1.0, storageremainingadjustment = 1.0,
            uptimeadjustment = 1.0, versionadjustment = 1.0,
        };
}
