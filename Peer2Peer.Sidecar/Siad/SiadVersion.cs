using System.Diagnostics.CodeAnalysis;
using Peer2Peer.Sia.Signing;

namespace Peer2Peer.Sidecar.Siad;

public enum SiadGeneration
{
    /// <summary>NebulousLabs/Sia 1.3.3 and later 1.3.x: no replay protection, auth off by default.</summary>
    V13,

    /// <summary>SiaFoundation/siad 1.5.x: replay prefixes, auth on, extra wallet endpoints.</summary>
    V15,
}

/// <summary>A supported siad release, parsed from <c>/daemon/version</c>.</summary>
public sealed record SiadVersion(string Text, SiadGeneration Generation)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out SiadVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var parts = text.Trim().Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor))
        {
            error = $"siad reports version '{text}', which is not a release number; supported: 1.3.3 and later 1.3.x, and 1.5.x";
            return false;
        }

        var patch = parts.Length > 2 && int.TryParse(parts[2], out var p) ? p : 0;
        SiadGeneration? generation = (major, minor) switch
        {
            (1, 3) when patch >= 3 => SiadGeneration.V13,
            (1, 5) => SiadGeneration.V15,
            _ => null,
        };
        if (generation is null)
        {
            error = $"siad {text} is not supported; supported: 1.3.3 and later 1.3.x, and 1.5.x";
            return false;
        }

        version = new SiadVersion(text.Trim(), generation.Value);
        error = null;
        return true;
    }

    /// <summary>The chain rules for this generation: dev builds have short blocks (frequency 12 s), standard ones 600 s.</summary>
    public ChainRules RulesFor(ulong blockFrequencySeconds)
    {
        var dev = blockFrequencySeconds < 600;
        return (Generation, dev) switch
        {
            (SiadGeneration.V13, true) => ChainRules.Siad13Dev,
            (SiadGeneration.V13, false) => ChainRules.Siad13Standard,
            (SiadGeneration.V15, true) => ChainRules.Siad15Dev,
            _ => ChainRules.Siad15Standard,
        };
    }

    public static ChainRules? RulesByName(string name) =>
        new[] { ChainRules.Siad13Dev, ChainRules.Siad13Standard, ChainRules.Siad15Dev, ChainRules.Siad15Standard }.FirstOrDefault(r => r.Name == name);
}
