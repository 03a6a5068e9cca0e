using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// The provider's own OpenvCloud controller and how to call controllers at all. Section <c>OpenvCloud</c>; every key
/// also as <c>OpenvCloud__Key</c> or <c>--OpenvCloud:Key=</c>. Documented in docs/OPENVCLOUD-CLIENT.md.
/// </summary>
public sealed class OpenvCloudOptions
{
    public const string Section = "OpenvCloud";

    /// <summary>Base URL of the controller (prefix of <c>/restmachine/…</c>); empty = this sidecar has no controller (consumer only).</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Base URL of the identity service issuing JWTs (<c>/v1/oauth/access_token</c>).</summary>
    public string IdentityUrl { get; set; } = "https://itsyou.online";

    /// <summary><c>jwt</c> (client credentials at <see cref="IdentityUrl"/>), <c>authkey</c> (legacy username/password) or <c>none</c>.</summary>
    public string AuthMode { get; set; } = "jwt";

    public string? ClientId { get; set; }

    /// <summary>The API key secret itself; prefer <see cref="ClientSecretFile"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret; whitespace trimmed.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>Local controller user for <c>authkey</c> mode.</summary>
    public string? Username { get; set; }

    /// <summary>The password itself; prefer <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password; whitespace trimmed.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Renew a JWT this long before its <c>exp</c> (at most half its lifetime); the Go SDK uses 5 minutes.</summary>
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One HTTP attempt; machine create can take minutes on a real controller.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A call including its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries of reads (lists, gets, consumption, health); machine create/start/stop/delete are never retried blindly.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; exponential with jitter after that, capped at 10 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the circuit stays open after repeated failures (half the sampled calls over 30 s, at least 8).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one <c>cloudbroker/health/status</c> probe (no retries).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest answer accepted; <c>getConsumption</c> over long periods is the big one.</summary>
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    internal OpenvCloudAuthMode ParsedAuthMode => OpenvCloudCredentials.ParseMode(AuthMode) ?? OpenvCloudAuthMode.None;

    public override string ToString() => $"OpenvCloudOptions {{ ApiUrl = {ApiUrl}, AuthMode = {AuthMode}, ClientId = {ClientId}, Username = {Username} }}";
}

/// <summary>Checks <see cref="OpenvCloudOptions"/> at start; messages name the key and never echo a secret.</summary>
public sealed class OpenvCloudOptionsValidator : IValidateOptions<OpenvCloudOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenvCloudOptions options)
    {
        var failures = new List<string>();
        var configured = !string.IsNullOrWhiteSpace(options.ApiUrl);
        if (configured && !IsHttpUrl(options.ApiUrl))
        {
            failures.Add($"OpenvCloud:ApiUrl must be an absolute http(s) URL, got '{options.ApiUrl}'");
        }

        var mode = OpenvCloudCredentials.ParseMode(options.AuthMode);
        if (mode is null)
        {
            failures.Add($"OpenvCloud:AuthMode must be one of jwt, authkey, none; got '{options.AuthMode}'");
        }

        if (mode == OpenvCloudAuthMode.Jwt && !IsHttpUrl(options.IdentityUrl))
        {
            failures.Add($"OpenvCloud:IdentityUrl must be an absolute http(s) URL, got '{options.IdentityUrl}'");
        }

        if (configured && mode == OpenvCloudAuthMode.Jwt)
        {
            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                failures.Add("OpenvCloud:ClientId is required when OpenvCloud:AuthMode is jwt");
            }

            Secret(failures, options.ClientSecret, options.ClientSecretFile, "OpenvCloud:ClientSecret", "OpenvCloud:ClientSecretFile", "jwt");
        }

        if (configured && mode == OpenvCloudAuthMode.Authkey)
        {
            if (string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add("OpenvCloud:Username is required when OpenvCloud:AuthMode is authkey");
            }

            Secret(failures, options.Password, options.PasswordFile, "OpenvCloud:Password", "OpenvCloud:PasswordFile", "authkey");
        }

        Positive(failures, "OpenvCloud:AttemptTimeout", options.AttemptTimeout);
        Positive(failures, "OpenvCloud:TotalTimeout", options.TotalTimeout);
        Positive(failures, "OpenvCloud:ProbeTimeout", options.ProbeTimeout);
        Positive(failures, "OpenvCloud:CircuitBreakDuration", options.CircuitBreakDuration);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add("OpenvCloud:AttemptTimeout must not exceed OpenvCloud:TotalTimeout");
        }

        if (options.TokenRenewBefore < TimeSpan.Zero)
        {
            failures.Add("OpenvCloud:TokenRenewBefore must not be negative");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("OpenvCloud:RetryBaseDelay must not be negative");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"OpenvCloud:MaxRetries must be between 0 and 10, got {options.MaxRetries}");
        }

        if (options.MaxResponseBytes is < 64 * 1024 or > 512 * 1024 * 1024)
        {
            failures.Add($"OpenvCloud:MaxResponseBytes must be between 65536 and 536870912, got {options.MaxResponseBytes}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";

    private static void Secret(List<string> failures, string? value, string? file, string key, string fileKey, string mode)
    {
        if (file is { Length: > 0 })
        {
            if (!File.Exists(file))
            {
                failures.Add($"{fileKey} names a file that does not exist: '{file}'");
            }
        }
        else if (string.IsNullOrEmpty(value))
        {
            failures.Add($"{key} or {fileKey} is required when OpenvCloud:AuthMode is {mode}");
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration (e.g. 00:00:30), got {value}");
        }
    }
}
