using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>
/// A public key tagged with its algorithm. JSON (siad): <c>{"algorithm":"ed25519","key":"&lt;base64&gt;"}</c>;
/// string form (hostdb, 1.5.x input): <c>ed25519:&lt;hex&gt;</c>.
/// </summary>
[JsonConverter(typeof(SiaPublicKeyJsonConverter))]
public sealed class SiaPublicKey : IEquatable<SiaPublicKey>, ISiaObject<SiaPublicKey>
{
    public SiaPublicKey(Specifier algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        Key = key.ToArray();
    }

    public Specifier Algorithm { get; }

    public ReadOnlyMemory<byte> Key { get; }

    public static int MinEncodedSize => Specifier.Size + 8;

    public bool IsEd25519 => Algorithm == Specifier.Ed25519 && Key.Length == Crypto.Ed25519.PublicKeySize;

    public static SiaPublicKey Ed25519(ReadOnlySpan<byte> key) => new(Specifier.Ed25519, key);

    public void EncodeTo(SiaEncoder encoder)
    {
        Algorithm.EncodeTo(encoder);
        encoder.WritePrefixedBytes(Key.Span);
    }

    public static SiaPublicKey DecodeFrom(ref SiaDecoder decoder)
    {
        var algorithm = Specifier.DecodeFrom(ref decoder);
        return new SiaPublicKey(algorithm, decoder.ReadFixed(decoder.ReadCount(1)));
    }

    public override string ToString() => $"{Algorithm.Name}:{Convert.ToHexStringLower(Key.Span)}";

    public static SiaPublicKey Parse(string s) =>
        TryParse(s, out var key) ? key : throw new FormatException("a public key is written 'ed25519:<64 hex>'");

    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out SiaPublicKey? key)
    {
        key = null;
        var colon = s?.IndexOf(':') ?? -1;
        if (s is null || colon <= 0 || colon > Specifier.Size)
        {
            return false;
        }

        var hex = s.AsSpan(colon + 1);
        if (hex.Length % 2 != 0 || hex.Length > 1024)
        {
            return false;
        }

        var bytes = new byte[hex.Length / 2];
        if (!Hex.TryDecode(hex, bytes) || s.AsSpan(0, colon).ContainsAnyExceptInRange((char)0x20, (char)0x7e))
        {
            return false;
        }

        key = new SiaPublicKey(Specifier.FromName(s[..colon]), bytes);
        return true;
    }

    public bool Equals(SiaPublicKey? other) =>
        other is not null && Algorithm == other.Algorithm && Key.Span.SequenceEqual(other.Key.Span);

    public override bool Equals(object? obj) => Equals(obj as SiaPublicKey);

    public override int GetHashCode() => HashCode.Combine(Algorithm, Key.Length, Key.Length > 0 ? Key.Span[0] : 0);
}
