using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>Section <c>ChainFollower</c>.</summary>
public sealed class ChainFollowerOptions
{
    public const string Section = "ChainFollower";

    /// <summary>How often the tip is polled once synced.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Block requests kept in flight ahead of the block being applied.</summary>
    public int FetchConcurrency { get; set; } = 16;

    /// <summary>Most blocks applied per database transaction (fewer when the next block is slow to come).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often progress is logged during a long sync.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class ChainFollowerOptionsValidator : IValidateOptions<ChainFollowerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainFollowerOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("ChainFollower:PollInterval must be a positive duration");
        }

        if (options.FetchConcurrency is < 1 or > 64)
        {
            failures.Add($"ChainFollower:FetchConcurrency must be between 1 and 64, got {options.FetchConcurrency}");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"ChainFollower:BatchSize must be between 1 and 10000, got {options.BatchSize}");
        }

        if (options.ProgressInterval <= TimeSpan.Zero)
        {
            failures.Add("ChainFollower:ProgressInterval must be a positive duration");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
