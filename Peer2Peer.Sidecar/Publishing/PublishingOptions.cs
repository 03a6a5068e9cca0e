using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Publishing;

/// <summary>A provider's offer and how it is announced. Section <c>Publishing</c>; used when Sidecar:Role is Provider.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>The OpenvCloud API URL consumers use (prefix of /restmachine/...): https, or http on loopback in devnet mode.</summary>
    public string PublicApiUrl { get; set; } = "";

    /// <summary>Price of one vCPU for one hour ("10 mS" or hastings); a size costs vCPUs × this + memory GiB × <see cref="PricePerGiBHour"/>.</summary>
    public string PricePerVcpuHour { get; set; } = "";

    public string PricePerGiBHour { get; set; } = "0";

    /// <summary>Per-size price overrides by OpenvCloud size ID: <c>Publishing:SizePrices:3 = "25 mS"</c>.</summary>
    public Dictionary<string, string> SizePrices { get; set; } = [];

    /// <summary>Only offer these location codes (empty: every location of the controller).</summary>
    public List<string> Locations { get; set; } = [];

    public ulong MaxVcpus { get; set; }

    public ulong MaxMemoryMiB { get; set; }

    public ulong MaxMachines { get; set; }

    /// <summary>How long an offer stays valid, in blocks; it is renewed <see cref="RenewBeforeBlocks"/> before it expires.</summary>
    public ulong ExpiryBlocks { get; set; } = 1008;

    public ulong RenewBeforeBlocks { get; set; } = 144;

    /// <summary>How often the controller is read and the offer compared with the published one.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Devnet only: allow an http:// API URL on a loopback address.</summary>
    public bool DevnetMode { get; set; }

    /// <summary>Optional, off by default: also call siad's own /host/announce with <see cref="HostNetAddress"/> (the project's first integration).</summary>
    public bool AnnounceSiaHost { get; set; }

    public string? HostNetAddress { get; set; }

    public Currency VcpuPrice => Currency.Parse(PricePerVcpuHour);

    public Currency GiBPrice => Currency.Parse(PricePerGiBHour);
}

public sealed class PublishingOptionsValidator(IOptions<Hosting.SidecarOptions> sidecar) : IValidateOptions<PublishingOptions>
{
    public ValidateOptionsResult Validate(string? name, PublishingOptions o)
    {
        if (sidecar.Value.Role != Hosting.SidecarRole.Provider)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (ApiUrlProblem(o.PublicApiUrl, o.DevnetMode) is { } problem)
        {
            failures.Add($"Publishing:PublicApiUrl {problem}");
        }

        if (!Currency.TryParse(o.PricePerVcpuHour, null, out var vcpu) || vcpu.IsZero)
        {
            failures.Add($"Publishing:PricePerVcpuHour must be an amount above 0 (e.g. \"10 mS\"), got '{o.PricePerVcpuHour}'");
        }

        if (!Currency.TryParse(o.PricePerGiBHour, null, out _))
        {
            failures.Add($"Publishing:PricePerGiBHour must be an amount (e.g. \"2 mS\"), got '{o.PricePerGiBHour}'");
        }

        foreach (var (sizeId, price) in o.SizePrices)
        {
            if (!ulong.TryParse(sizeId, out _) || !Currency.TryParse(price, null, out var p) || p.IsZero)
            {
                failures.Add($"Publishing:SizePrices:{sizeId} must map a size ID to an amount above 0, got '{price}'");
            }
        }

        if (o.ExpiryBlocks <= o.RenewBeforeBlocks)
        {
            failures.Add($"Publishing:ExpiryBlocks ({o.ExpiryBlocks}) must be above Publishing:RenewBeforeBlocks ({o.RenewBeforeBlocks})");
        }

        if (o.CheckInterval <= TimeSpan.Zero)
        {
            failures.Add("Publishing:CheckInterval must be a positive duration");
        }

        if (o.AnnounceSiaHost && string.IsNullOrWhiteSpace(o.HostNetAddress))
        {
            failures.Add("Publishing:HostNetAddress is required when Publishing:AnnounceSiaHost is true");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>https anywhere; http only on a loopback host and only in devnet mode.</summary>
    public static string? ApiUrlProblem(string url, bool devnetMode)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"must be an absolute https URL, got '{url}'";
        }

        if (uri.Scheme == "http" && !(devnetMode && uri.IsLoopback))
        {
            return "must use https (http is allowed only on a loopback address with Publishing:DevnetMode=true)";
        }

        return null;
    }
}
