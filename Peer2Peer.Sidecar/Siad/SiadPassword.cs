using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>
/// Resolves siad's API password once: <c>Siad:ApiPassword</c>, else SIA_API_PASSWORD, else <c>Siad:ApiPasswordFile</c>
/// (trimmed), else none — siad 1.3.x runs without API auth by default.
/// </summary>
public sealed class SiadPassword(IOptions<SiadOptions> options)
{
    private readonly Lazy<string?> _value = new(() => Resolve(options.Value));

    public string? Value => _value.Value;

    private static string? Resolve(SiadOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiPassword))
        {
            return options.ApiPassword;
        }

        if (Environment.GetEnvironmentVariable("SIA_API_PASSWORD") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return options.ApiPasswordFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : null;
    }

    public override string ToString() => "[redacted]";
}
