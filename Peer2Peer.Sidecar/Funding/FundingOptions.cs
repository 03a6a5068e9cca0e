using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Funding;

/// <summary>The hot address the sidecar pays its own transactions from. Section <c>Funding</c>.</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>Top up from siad's wallet when the hot balance falls below this ("50 SC" or hastings).</summary>
    public string Floor { get; set; } = "50 SC";

    /// <summary>A top-up brings the balance up to this and never beyond.</summary>
    public string Cap { get; set; } = "200 SC";

    /// <summary>Off: the operator funds the hot address by hand.</summary>
    public bool AutoTopUp { get; set; } = true;

    /// <summary>How often balance and pending transactions are checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A top-up not seen on chain after this many blocks may be requested again.</summary>
    public ulong TopUpTimeoutBlocks { get; set; } = 20;

    public Currency FloorAmount => Currency.Parse(Floor);

    public Currency CapAmount => Currency.Parse(Cap);
}

public sealed class FundingOptionsValidator : IValidateOptions<FundingOptions>
{
    public ValidateOptionsResult Validate(string? name, FundingOptions options)
    {
        var failures = new List<string>();
        var floorOk = Currency.TryParse(options.Floor, null, out var floor);
        var capOk = Currency.TryParse(options.Cap, null, out var cap);
        if (!floorOk)
        {
            failures.Add($"Funding:Floor is not an amount ('{options.Floor}'; use e.g. \"50 SC\" or hastings)");
        }

        if (!capOk)
        {
            failures.Add($"Funding:Cap is not an amount ('{options.Cap}'; use e.g. \"200 SC\" or hastings)");
        }

        if (floorOk && capOk && cap <= floor)
        {
            failures.Add($"Funding:Cap ({cap.ToDisplayString()}) must be above Funding:Floor ({floor.ToDisplayString()})");
        }

        if (options.CheckInterval <= TimeSpan.Zero)
        {
            failures.Add("Funding:CheckInterval must be a positive duration");
        }

        if (options.TopUpTimeoutBlocks == 0)
        {
            failures.Add("Funding:TopUpTimeoutBlocks must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
