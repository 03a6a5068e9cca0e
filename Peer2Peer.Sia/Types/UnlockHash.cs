using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>
/// A Sia address: the Merkle root of unlock conditions (SIAD.md §5.3). Its string is 76 hex characters,
/// the 32 bytes followed by the first 6 bytes of their BLAKE2b hash as a checksum.
/// </summary>
[JsonConverter(typeof(UnlockHashJsonConverter))]
public readonly struct UnlockHash : IEquatable<UnlockHash>, ISpanParsable<UnlockHash>, ISiaObject<UnlockHash>
{
    public const int StringLength = 76;
    private const int ChecksumSize = 6;

    private readonly Hash256 _hash;

    public UnlockHash(Hash256 hash) => _hash = hash;

    public UnlockHash(ReadOnlySpan<byte> bytes) => _hash = new Hash256(bytes);

    /// <summary>The all-zero address: outputs sent here can never be spent.</summary>
    public static UnlockHash Void => default;

    public static int MinEncodedSize => Hash256.Size;

    public Hash256 Hash => _hash;

    public void EncodeTo(SiaEncoder encoder) => _hash.EncodeTo(encoder);

    public static UnlockHash DecodeFrom(ref SiaDecoder decoder) => new(Hash256.DecodeFrom(ref decoder));

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size + ChecksumSize];
        _hash.CopyTo(bytes);
        Span<byte> checksum = stackalloc byte[Hash256.Size];
        Blake2b.Hash(bytes[..Hash256.Size], checksum);
        checksum[..ChecksumSize].CopyTo(bytes[Hash256.Size..]);
        return Convert.ToHexStringLower(bytes);
    }

    public static UnlockHash Parse(string s) => Parse(s, null);

    public static UnlockHash Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static UnlockHash Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UnlockHash result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UnlockHash result) =>
        TryParse(s, out result, out _);

    /// <summary>Parses the 76-hex form; the error wording follows siad's.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out UnlockHash result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        Span<byte> bytes = stackalloc byte[Hash256.Size + ChecksumSize];
        if (s.Length != StringLength)
        {
            error = "marshalled unlock hash is the wrong length";
            return false;
        }

        if (!Hex.TryDecode(s, bytes))
        {
            error = "marshalled unlock hash is not hex";
            return false;
        }

        Span<byte> checksum = stackalloc byte[Hash256.Size];
        Blake2b.Hash(bytes[..Hash256.Size], checksum);
        if (!checksum[..ChecksumSize].SequenceEqual(bytes[Hash256.Size..]))
        {
            error = "provided unlock hash has an invalid checksum";
            return false;
        }

        result = new UnlockHash(bytes[..Hash256.Size]);
        error = null;
        return true;
    }

    public bool Equals(UnlockHash other) => _hash.Equals(other._hash);

    public override bool Equals(object? obj) => obj is UnlockHash other && Equals(other);

    public override int GetHashCode() => _hash.GetHashCode();

    public static bool operator ==(UnlockHash left, UnlockHash right) => left.Equals(right);

    public static bool operator !=(UnlockHash left, UnlockHash right) => !left.Equals(right);
}
