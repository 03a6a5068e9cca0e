using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Hosting;

public enum SidecarRole
{
    /// <summary>Discovers providers and pays them.</summary>
    Consumer,

    /// <summary>Also publishes its own OpenvCloud offer and receives payments.</summary>
    Provider,
}

/// <summary>The sidecar itself. Section <c>Sidecar</c>.</summary>
public sealed class SidecarOptions
{
    public const string Section = "Sidecar";

    public SidecarRole Role { get; set; } = SidecarRole.Consumer;

    /// <summary>Where the master seed and the SQLite database live; created with owner-only permissions.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Guards every endpoint that spends, signs or changes state. Prefer <see cref="AdminApiKeyFile"/>.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>A file holding the admin API key (e.g. a container secret); whitespace is trimmed.</summary>
    public string? AdminApiKeyFile { get; set; }
}

public sealed class SidecarOptionsValidator : IValidateOptions<SidecarOptions>
{
    /// <summary>Short keys are guessable; 16 characters is the floor.</summary>
    public const int MinimumAdminKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, SidecarOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Sidecar:DataDirectory must not be empty");
        }

        if (options.AdminApiKeyFile is { Length: > 0 } file && !File.Exists(file))
        {
            failures.Add($"Sidecar:AdminApiKeyFile names a file that does not exist: '{file}'");
        }

        if (options.AdminApiKey is { Length: > 0 } key && key.Trim().Length < MinimumAdminKeyLength)
        {
            failures.Add($"Sidecar:AdminApiKey must be at least {MinimumAdminKeyLength} characters");
        }
        else if (string.IsNullOrWhiteSpace(options.AdminApiKey) && options.AdminApiKeyFile is { Length: > 0 } keyFile && File.Exists(keyFile)
                 && File.ReadAllText(keyFile).Trim().Length < MinimumAdminKeyLength)
        {
            failures.Add($"Sidecar:AdminApiKeyFile must hold a key of at least {MinimumAdminKeyLength} characters: '{keyFile}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
