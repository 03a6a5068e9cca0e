using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>How to reach siad. Section <c>Siad</c>; every key also as <c>Siad__Key</c> or <c>--Siad:Key=</c>.</summary>
public sealed class SiadOptions
{
    public const string Section = "Siad";

    /// <summary>siad's API address (siad's own default is localhost:9980).</summary>
    public string ApiUrl { get; set; } = "http://localhost:9980";

    /// <summary>The API password itself. Prefer <see cref="ApiPasswordFile"/> or SIA_API_PASSWORD in production.</summary>
    public string? ApiPassword { get; set; }

    /// <summary>A file holding the API password (siad 1.5.x writes <c>~/.sia/apipassword</c>); whitespace is trimmed.</summary>
    public string? ApiPasswordFile { get; set; }

    /// <summary>Sent as User-Agent; must contain siad's <c>--agent</c> string (default Sia-Agent).</summary>
    public string UserAgent { get; set; } = "Sia-Agent";

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of safe calls (reads, resubmitting a signed transaction); spends are never retried blindly.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long to wait at start for a siad that is still loading before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>auto</c> (from siad's version and constants) or one of siad-1.3-dev, siad-1.3-standard, siad-1.5-dev, siad-1.5-standard.</summary>
    public string ChainRules { get; set; } = "auto";
}

/// <summary>Checks <see cref="SiadOptions"/> at start; messages name the key and never echo a secret.</summary>
public sealed class SiadOptionsValidator : IValidateOptions<SiadOptions>
{
    private static readonly string[] KnownRules = ["auto", "siad-1.3-dev", "siad-1.3-standard", "siad-1.5-dev", "siad-1.5-standard"];

    public ValidateOptionsResult Validate(string? name, SiadOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Siad:ApiUrl must be an absolute http(s) URL, got '{options.ApiUrl}'");
        }

        if (options.ApiPasswordFile is { Length: > 0 } file && !File.Exists(file))
        {
            failures.Add($"Siad:ApiPasswordFile names a file that does not exist: '{file}'");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add("Siad:UserAgent must not be empty (siad requires it to contain 'Sia-Agent')");
        }

        Positive(failures, "Siad:AttemptTimeout", options.AttemptTimeout);
        Positive(failures, "Siad:TotalTimeout", options.TotalTimeout);
        Positive(failures, "Siad:StartupTimeout", options.StartupTimeout);
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Siad:RetryBaseDelay must not be negative");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"Siad:MaxRetries must be between 0 and 20, got {options.MaxRetries}");
        }

        if (!KnownRules.Contains(options.ChainRules))
        {
            failures.Add($"Siad:ChainRules must be one of {string.Join(", ", KnownRules)}, got '{options.ChainRules}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration (e.g. 00:00:30), got {value}");
        }
    }
}
