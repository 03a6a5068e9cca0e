using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia;

/// <summary>Which siad generation the devnet emulates (SIAD.md §13).</summary>
public enum SiadVersion
{
    V159,
    V133,
}

/// <summary>
/// Everything that differs between the emulated siad generations: version strings, consensus rules (replay prefix),
/// auth default, arbitrary-data prefixes, error wordings and the route set.
/// </summary>
public sealed class SiadProfile
{
    private SiadProfile(SiadVersion version) => Version = version;

    public SiadVersion Version { get; }

    public static SiadProfile V159 { get; } = new(SiadVersion.V159);

    public static SiadProfile V133 { get; } = new(SiadVersion.V133);

    public static SiadProfile For(SiadVersion version) => version == SiadVersion.V133 ? V133 : V159;

    public bool Is133 => Version == SiadVersion.V133;

    public string VersionString => Is133 ? "1.3.3" : "1.5.9";

    public string GitRevision => Is133 ? "94ea84e3" : "66e7fc63";

    public string BuildTime => Is133 ? "Wed Nov 25 19:10:28 UTC 2026" : "Mon Jan 16 17:00:00 UTC 2023";

    public ChainRules Rules => Is133 ? ChainRules.Siad13Dev : ChainRules.Siad15Dev;

    /// <summary>1.3.x: API auth off unless --authenticate-api; 1.5.x: on.</summary>
    public bool AuthenticateApiByDefault => !Is133;

    /// <summary>The height the devnet mines to at start: past the 1.5 dev replay-prefix and Oak forks (105).</summary>
    public ulong DefaultStartHeight => Is133 ? 20UL : 110UL;

    public bool IsStandardPrefix(ReadOnlySpan<byte> data) =>
        Specifier.HostAnnouncement.Matches(data) || Specifier.NonSia.Matches(data)
        || (!Is133 && (Specifier.FCIdentifier.Matches(data) || Specifier.Foundation.Matches(data)));

    /// <summary>Unknown routes: 1.3.3 answers 404, 1.5.9 answers 491.</summary>
    public int UnknownRouteStatus => Is133 ? 404 : 491;

    public string UnknownRouteMessage => Is133 ? "404 - Refer to API.md" : "491 Module disabled - Refer to API.md";

    public const string ModuleNotLoadedMessage = "490 Module not loaded - Refer to API.md";

    /// <summary>1.3.3 writes no space after these colons (SIAD.md §15.1).</summary>
    private string Colon => Is133 ? ":" : ": ";

    public string AcceptError(string reason) => "error accepting transaction set" + Colon + reason;

    public string DecodeParentsError(string reason) => "error decoding parents" + Colon + reason;

    public string DecodeTransactionError(string reason) => "error decoding transaction" + Colon + reason;

    public string StandaloneInvalid(string reason) =>
        "consensus conflict: " + (Is133 ? "provided transaction set is standalone and invalid: " : "provided transaction set is invalid: ") + reason;

    public static string PrereqsInvalid(string reason) =>
        "consensus conflict: provided transaction set has prereqs, but is still invalid: " + reason;
}
