using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Chain;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/daemon/* (SIAD.md §3.1).</summary>
public static class DaemonApi
{
    public static void MapDaemonApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        var profile = node.Profile;
        app.MapGet("/daemon/version", () => SiadResults.Json(new { version = profile.VersionString, gitrevision = profile.GitRevision, buildtime = profile.BuildTime }));
        app.MapGet("/daemon/constants", () => SiadResults.Json(Constants(profile)));
        app.MapGet("/daemon/stop", () => SiadResults.Success()).WithMetadata(RequiresPasswordAttribute.Instance);
        if (!profile.Is133)
        {
            app.MapGet("/daemon/settings", () => SiadResults.Json(new
            {
                maxdownloadspeed = 0,
                maxuploadspeed = 0,
                modules = new
                {
                    accounting = true, consensus = true, explorer = false, gateway = true, host = true,
                    miner = true, renter = true, transactionpool = true, wallet = true,
                },
            }));
        }
    }

    /// <summary>The dev constants in siad's key order (1.3.3's /daemon/constants, also embedded in 1.5.x's /consensus).</summary>
    public static IDictionary<string, object?> Constants(SiadProfile profile)
    {
        var constants = new Dictionary<string, object?>
        {
            ["blockfrequency"] = DevConstants.BlockFrequency,
            ["blocksizelimit"] = DevConstants.BlockSizeLimit,
            ["extremefuturethreshold"] = DevConstants.ExtremeFutureThreshold,
            ["futurethreshold"] = DevConstants.FutureThreshold,
            ["genesistimestamp"] = DevConstants.GenesisTimestamp,
            ["maturitydelay"] = DevConstants.MaturityDelay,
            ["mediantimestampwindow"] = DevConstants.MedianTimestampWindow,
            ["siafundcount"] = "10000",
            ["siafundportion"] = "39/1000",
            ["targetwindow"] = DevConstants.TargetWindow,
            ["initialcoinbase"] = DevConstants.InitialCoinbase,
            ["minimumcoinbase"] = DevConstants.MinimumCoinbase,
            ["roottarget"] = DevConstants.RootTarget.Select(b => (int)b).ToArray(),
            ["rootdepth"] = DevConstants.RootDepth.Select(b => (int)b).ToArray(),
            ["maxadjustmentup"] = "6/5",
            ["maxadjustmentdown"] = "5/6",
            ["maxtargetadjustmentup"] = "6/5",
            ["maxtargetadjustmentdown"] = "5/6",
            ["siacoinprecision"] = "1000000000000000000000000",
        };
        _ = profile;
        return constants;
    }
}
