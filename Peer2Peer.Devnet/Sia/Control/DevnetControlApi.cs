using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Api;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Control;

/// <summary>
/// Devnet-only endpoints under /devnet (no Sia-Agent needed; the API password when auth is on): mine now, reorganize,
/// and per-node fault injection. Faults never apply to these endpoints.
/// </summary>
public static class DevnetControlApi
{
    public static void MapDevnetControlApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        var auth = RequiresPasswordAttribute.Instance;
        app.MapGet("/devnet/status", () => SiadResults.Json(Status(node)));
        app.MapPost("/devnet/mine", (HttpContext c) => Mine(c, node)).WithMetadata(auth);
        app.MapPost("/devnet/reorg", (HttpContext c) => Reorg(c, node)).WithMetadata(auth);
        app.MapGet("/devnet/faults", () => SiadResults.Json(Faults(node.Faults, node.Time)));
        app.MapPost("/devnet/faults", (HttpContext c) => SetFaults(c, node)).WithMetadata(auth);
        app.MapPost("/devnet/faults/clear", () =>
        {
            node.Faults.Clear();
            return SiadResults.Json(Faults(node.Faults, node.Time));
        }).WithMetadata(auth);
    }

    private static object Status(SiadNode node) => node.Chain.Read(c => new
    {
        name = node.Name,
        version = node.Profile.VersionString,
        height = c.State.Height,
        currentblock = c.State.TipId,
        pooltransactions = c.Pool.Count,
        mining = node.Mining,
        payoutaddress = node.Wallet.PayoutAddress,
    });

    private static IResult Mine(HttpContext context, SiadNode node)
    {
        var countText = context.Field("blocks");
        if (countText.Length > 0 && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 10_000))
        {
            return SiadResults.Error("blocks must be an integer between 1 and 10000");
        }

        var count = countText.Length == 0 ? 1 : int.Parse(countText, CultureInfo.InvariantCulture);
        var address = node.Wallet.PayoutAddress;
        if (context.Field("address") is { Length: > 0 } addressText && !UnlockHash.TryParse(addressText, out address, out var error))
        {
            return SiadResults.Error("invalid address: " + error);
        }

        var blocks = node.Chain.Mine(count, address);
        node.BlocksMined += count;
        return SiadResults.Json(new { height = node.Chain.Height, blocks = blocks.Select(b => b.Id).ToArray() });
    }

    private static IResult Reorg(HttpContext context, SiadNode node)
    {
        if (!int.TryParse(context.Field("depth"), NumberStyles.None, CultureInfo.InvariantCulture, out var depth) || depth < 1)
        {
            return SiadResults.Error("depth must be a positive integer");
        }

        var reinclude = context.Field("reinclude") switch
        {
            "" or "all" => true,
            "none" => false,
            _ => (bool?)null,
        };
        if (reinclude is null)
        {
            return SiadResults.Error("reinclude must be 'all' or 'none'");
        }

        try
        {
            var blocks = node.Chain.Reorganize(depth, reinclude.Value, node.Wallet.PayoutAddress);
            node.BlocksMined += blocks.Count;
            return SiadResults.Json(new { height = node.Chain.Height, reverted = depth, blocks = blocks.Select(b => b.Id).ToArray() });
        }
        catch (Exception e) when (e is InvalidOperationException or ConsensusException)
        {
            return SiadResults.Error(e.Message);
        }
    }

    private static IResult SetFaults(HttpContext context, SiadNode node)
    {
        var faults = node.Faults;
        if (!TryRate(context, "errorrate", out var errorRate) || !TryRate(context, "droprate", out var dropRate))
        {
            return SiadResults.Error("errorrate and droprate must be numbers between 0 and 1");
        }

        if (!TryWhole(context, "latencyms", out var latency) || !TryWhole(context, "restartingseconds", out var restarting))
        {
            return SiadResults.Error("latencyms and restartingseconds must be non-negative integers");
        }

        faults.ErrorRate = errorRate ?? faults.ErrorRate;
        faults.DropRate = dropRate ?? faults.DropRate;
        if (latency is { } ms)
        {
            faults.Latency = TimeSpan.FromMilliseconds(ms);
        }

        if (restarting is { } seconds)
        {
            faults.RestartingUntil = seconds == 0 ? null : node.Time.GetUtcNow().AddSeconds(seconds);
        }

        return SiadResults.Json(Faults(faults, node.Time));
    }

    private static object Faults(NodeFaults faults, TimeProvider time) => new
    {
        errorrate = faults.ErrorRate,
        droprate = faults.DropRate,
        latencyms = (long)faults.Latency.TotalMilliseconds,
        restartingseconds = faults.RestartingUntil is { } until && until > time.GetUtcNow() ? (long)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds) : 0,
    };

    private static bool TryRate(HttpContext context, string name, out double? rate)
    {
        rate = null;
        var text = context.Field(name);
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            rate = value;
            return true;
        }

        return false;
    }

    private static bool TryWhole(HttpContext context, string name, out long? value)
    {
        value = null;
        var text = context.Field(name);
        if (text.Length == 0)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 86_400_000)
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
