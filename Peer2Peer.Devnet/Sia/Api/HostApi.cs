using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Devnet.Sia.Hosts;
using Peer2Peer.Devnet.Sia.Wallet;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>/host, POST /host, /host/announce (SIAD.md §3.4, §7, §15).</summary>
public static class HostApi
{
    public static void MapHostApi(this IEndpointRouteBuilder app, SiadNode node)
    {
        app.MapGet("/host", () => GetHost(node));
        app.MapPost("/host", (HttpContext c) => PostHost(c, node)).WithMetadata(RequiresPasswordAttribute.Instance);
        app.MapPost("/host/announce", (HttpContext c) => Announce(c, node)).WithMetadata(RequiresPasswordAttribute.Instance);
    }

    /// <summary>The settings a renter sees (GET /host externalsettings, and every hostdb entry flattened).</summary>
    public static Dictionary<string, object?> ExternalSettings(SiadNode? node, SiadProfile profile, string announcedAddress)
    {
        var host = node?.Host;
        var settings = new Dictionary<string, object?>
        {
            ["acceptingcontracts"] = host?.AcceptingContracts ?? false,
            ["maxdownloadbatchsize"] = host?.MaxDownloadBatchSize ?? 0,
            ["maxduration"] = host?.MaxDuration ?? 0,
            ["maxrevisebatchsize"] = host?.MaxReviseBatchSize ?? 0,
            ["netaddress"] = host is null ? announcedAddress : EffectiveAddress(node!),
            ["remainingstorage"] = host?.RemainingStorage ?? 0,
            ["sectorsize"] = host is null ? 0 : DevConstants.SectorSize,
            ["totalstorage"] = host?.TotalStorage ?? 0,
            ["unlockhash"] = host?.UnlockHash ?? UnlockHash.Void,
            ["windowsize"] = host?.WindowSize ?? 0,
            ["collateral"] = host?.Collateral ?? Currency.Zero,
            ["maxcollateral"] = host?.MaxCollateral ?? Currency.Zero,
        };
        if (!profile.Is133)
        {
            settings["baserpcprice"] = host?.MinBaseRpcPrice ?? Currency.Zero;
        }

        settings["contractprice"] = host?.MinContractPrice ?? Currency.Zero;
        settings["downloadbandwidthprice"] = host?.MinDownloadBandwidthPrice ?? Currency.Zero;
        if (!profile.Is133)
        {
            settings["sectoraccessprice"] = host?.MinSectorAccessPrice ?? Currency.Zero;
        }

        settings["storageprice"] = host?.MinStoragePrice ?? Currency.Zero;
        settings["uploadbandwidthprice"] = host?.MinUploadBandwidthPrice ?? Currency.Zero;
        if (!profile.Is133)
        {
            settings["ephemeralaccountexpiry"] = host is null ? 0 : host.EphemeralAccountExpirySeconds * 1_000_000_000;
            settings["maxephemeralaccountbalance"] = host?.MaxEphemeralAccountBalance ?? Currency.Zero;
        }

        settings["revisionnumber"] = host?.RevisionNumber ?? 0;
        settings["version"] = host is null ? "" : profile.VersionString;
        if (!profile.Is133)
        {
            settings["siamuxport"] = host is null ? "" : (9983 + 10 * node!.Index).ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public static string EffectiveAddress(SiadNode node) => node.Host.NetAddress.Length > 0 ? node.Host.NetAddress : node.Host.DefaultNetAddress;

    private static IResult GetHost(SiadNode node)
    {
        var profile = node.Profile;
        var host = node.Host;
        var external = node.Chain.Read(_ => ExternalSettings(node, profile, ""));
        var internalSettings = new Dictionary<string, object?>
        {
            ["acceptingcontracts"] = host.AcceptingContracts,
            ["maxdownloadbatchsize"] = host.MaxDownloadBatchSize,
            ["maxduration"] = host.MaxDuration,
            ["maxrevisebatchsize"] = host.MaxReviseBatchSize,
            ["netaddress"] = host.NetAddress,
            ["windowsize"] = host.WindowSize,
            ["collateral"] = host.Collateral,
            ["collateralbudget"] = host.CollateralBudget,
            ["maxcollateral"] = host.MaxCollateral,
        };
        if (!profile.Is133)
        {
            internalSettings["minbaserpcprice"] = host.MinBaseRpcPrice;
        }

        internalSettings["mincontractprice"] = host.MinContractPrice;
        internalSettings["mindownloadbandwidthprice"] = host.MinDownloadBandwidthPrice;
        if (!profile.Is133)
        {
            internalSettings["minsectoraccessprice"] = host.MinSectorAccessPrice;
        }

        internalSettings["minstorageprice"] = host.MinStoragePrice;
        internalSettings["minuploadbandwidthprice"] = host.MinUploadBandwidthPrice;
        if (!profile.Is133)
        {
            internalSettings["ephemeralaccountexpiry"] = host.EphemeralAccountExpirySeconds * 1_000_000_000;
            internalSettings["maxephemeralaccountbalance"] = host.MaxEphemeralAccountBalance;
            internalSettings["maxephemeralaccountrisk"] = host.MaxEphemeralAccountRisk;
            internalSettings["customregistrypath"] = host.CustomRegistryPath;
            internalSettings["registrysize"] = host.RegistrySize;
        }

        var financial = new Dictionary<string, object?>
        {
            ["contractcount"] = 0,
            ["contractcompensation"] = Currency.Zero,
            ["potentialcontractcompensation"] = Currency.Zero,
            ["lockedstoragecollateral"] = Currency.Zero,
            ["lostrevenue"] = Currency.Zero,
            ["loststoragecollateral"] = Currency.Zero,
            ["potentialstoragerevenue"] = Currency.Zero,
            ["riskedstoragecollateral"] = Currency.Zero,
            ["storagerevenue"] = Currency.Zero,
            ["transactionfeeexpenses"] = Currency.Zero,
            ["downloadbandwidthrevenue"] = Currency.Zero,
            ["potentialdownloadbandwidthrevenue"] = Currency.Zero,
            ["potentialuploadbandwidthrevenue"] = Currency.Zero,
            ["uploadbandwidthrevenue"] = Currency.Zero,
        };
        var network = new { downloadcalls = 0, errorcalls = 0, formcontractcalls = 0, renewcalls = 0, revisecalls = 0, settingscalls = host.SettingsCalls, unrecognizedcalls = 0 };
        if (profile.Is133)
        {
            return SiadResults.Json(new
            {
                externalsettings = external, financialmetrics = financial, internalsettings = internalSettings, networkmetrics = network,
                connectabilitystatus = "checking", workingstatus = "checking",
            });
        }

        return SiadResults.Json(new
        {
            connectabilitystatus = "connectable", workingstatus = "working",
            externalsettings = external, financialmetrics = financial, internalsettings = internalSettings, networkmetrics = network,
            pricetable = new { uid = "00000000000000000000000000000000", validity = 600_000_000_000, hostblockheight = node.Chain.Height },
            publickey = host.PublicKey,
        });
    }

    private static IResult PostHost(HttpContext context, SiadNode node)
    {
        var host = node.Host;
        lock (node.Chain.Sync)
        {
            try
            {
                if (context.HasField("netaddress") && context.Field("netaddress") is { Length: > 0 } address && NetAddress.StdValidError(address) is { } invalid)
                {
                    return SiadResults.Error("internal settings not updated, invalid NetAddress: " + invalid);
                }

                var accepting = context.HasField("acceptingcontracts") ? ParseBool(context.Field("acceptingcontracts")) : host.AcceptingContracts;
                if (accepting && host.UnlockHash == UnlockHash.Void)
                {
                    if (!node.Wallet.Unlocked)
                    {
                        return SiadResults.Error("internal settings not updated, no unlock hash: " + WalletErrors.Locked);
                    }

                    host.UnlockHash = node.Wallet.NextAddress();
                }

                host.AcceptingContracts = accepting;
                if (context.HasField("netaddress"))
                {
                    host.NetAddress = context.Field("netaddress");
                }

                Set(context, "maxdownloadbatchsize", v => host.MaxDownloadBatchSize = v);
                Set(context, "maxduration", v => host.MaxDuration = v);
                Set(context, "maxrevisebatchsize", v => host.MaxReviseBatchSize = v);
                Set(context, "windowsize", v => host.WindowSize = v);
                Set(context, "registrysize", v => host.RegistrySize = v);
                Set(context, "ephemeralaccountexpiry", v => host.EphemeralAccountExpirySeconds = v);
                Set(context, "collateral", v => host.Collateral = v);
                Set(context, "collateralbudget", v => host.CollateralBudget = v);
                Set(context, "maxcollateral", v => host.MaxCollateral = v);
                Set(context, "minbaserpcprice", v => host.MinBaseRpcPrice = v);
                Set(context, "mincontractprice", v => host.MinContractPrice = v);
                Set(context, "mindownloadbandwidthprice", v => host.MinDownloadBandwidthPrice = v);
                Set(context, "minsectoraccessprice", v => host.MinSectorAccessPrice = v);
                Set(context, "minstorageprice", v => host.MinStoragePrice = v);
                Set(context, "minuploadbandwidthprice", v => host.MinUploadBandwidthPrice = v);
                Set(context, "maxephemeralaccountbalance", v => host.MaxEphemeralAccountBalance = v);
                Set(context, "maxephemeralaccountrisk", v => host.MaxEphemeralAccountRisk = v);
                if (context.HasField("customregistrypath"))
                {
                    host.CustomRegistryPath = context.Field("customregistrypath");
                }

                host.RevisionNumber++;
                return SiadResults.Success();
            }
            catch (FormatException e)
            {
                return SiadResults.Error("error parsing host settings: " + e.Message);
            }
        }
    }

    private static bool ParseBool(string text) => text switch
    {
        "true" or "1" or "t" or "T" or "TRUE" or "True" => true,
        "false" or "0" or "f" or "F" or "FALSE" or "False" => false,
        _ => throw new FormatException($"strconv.ParseBool: parsing \"{text}\": invalid syntax"),
    };

    private static void Set(HttpContext context, string name, Action<ulong> apply)
    {
        if (context.HasField(name))
        {
            var text = context.Field(name);
            apply(ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"could not parse {name}: '{text}' is not an unsigned integer"));
        }
    }

    private static void Set(HttpContext context, string name, Action<Currency> apply)
    {
        if (context.HasField(name))
        {
            var text = context.Field(name);
            apply(text.Length is > 0 and <= 40 && text.All(char.IsAsciiDigit) && UInt128.TryParse(text, CultureInfo.InvariantCulture, out var value)
                ? new Currency(value)
                : throw new FormatException($"could not parse {name}: '{text}' is not a currency in hastings"));
        }
    }

    private static IResult Announce(HttpContext context, SiadNode node)
    {
        var profile = node.Profile;
        var manual = context.Field("netaddress");
        if (manual.Length == 0 && profile.Is133)
        {
            // Measured on siad 1.3.3: without netaddress the call answers 204 and announces nothing.
            return SiadResults.Success();
        }

        var address = manual.Length > 0 ? manual : EffectiveAddress(node);
        var prefix = manual.Length > 0 && !profile.Is133 ? "unable to perform manual host announcement: " : "";
        if (NetAddress.StdValidError(address) is { } invalid)
        {
            return SiadResults.Error(prefix + invalid);
        }

        if (profile.Is133 && NetAddress.IsLocal(address, siad133: true))
        {
            return SiadResults.Error(prefix + "announcement requested with local net address");
        }

        if (!node.Wallet.Unlocked)
        {
            return SiadResults.Error(prefix + "cannot announce the host while the wallet is locked");
        }

        var announcement = new HostAnnouncement(address, node.Host.PublicKey).Sign(node.Host.Key);
        try
        {
            node.Wallet.SendArbitraryData(announcement);
        }
        catch (WalletException e)
        {
            return SiadResults.Error(prefix + e.Message);
        }

        if (manual.Length > 0)
        {
            lock (node.Chain.Sync)
            {
                node.Host.NetAddress = manual;
            }
        }

        return SiadResults.Success();
    }
}
