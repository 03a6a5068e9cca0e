using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>The catalogue's prober. Section <c>Discovery</c>.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>How often every current provider's OpenvCloud endpoint is probed (OPENVCLOUD.md §5.2: 30–60 s).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One probe gives up after this long and counts the provider as down.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Probes in flight at once.</summary>
    public int ProbeConcurrency { get; set; } = 16;

    /// <summary>Appended to a provider's API URL; unauthenticated (OPENVCLOUD.md §3.1).</summary>
    public string HealthPath { get; set; } = "/restmachine/cloudbroker/health/status";

    /// <summary>Off: no probes are sent (the catalogue still follows the chain).</summary>
    public bool ProbeEnabled { get; set; } = true;
}

public sealed class DiscoveryOptionsValidator : IValidateOptions<DiscoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscoveryOptions options)
    {
        var failures = new List<string>();
        if (options.ProbeInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Discovery:ProbeInterval must be at least 1 second, got {options.ProbeInterval}");
        }

        if (options.ProbeTimeout <= TimeSpan.Zero || options.ProbeTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Discovery:ProbeTimeout must be positive and at most 5 minutes, got {options.ProbeTimeout}");
        }

        if (options.ProbeConcurrency is < 1 or > 256)
        {
            failures.Add($"Discovery:ProbeConcurrency must be between 1 and 256, got {options.ProbeConcurrency}");
        }

        if (string.IsNullOrWhiteSpace(options.HealthPath) || !options.HealthPath.StartsWith('/') || options.HealthPath.Contains("://", StringComparison.Ordinal))
        {
            failures.Add($"Discovery:HealthPath must be a path starting with '/', got '{options.HealthPath}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
