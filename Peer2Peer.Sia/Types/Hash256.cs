using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A 32-byte BLAKE2b digest; also every Sia ID (block, transaction, output, contract). JSON: 64 hex.</summary>
[JsonConverter(typeof(Hash256JsonConverter))]
public readonly struct Hash256 : IEquatable<Hash256>, ISpanParsable<Hash256>, ISiaObject<Hash256>
{
    public const int Size = 32;

    private readonly Bytes32 _bytes;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a hash is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    public static int MinEncodedSize => Size;

    public bool IsZero => ((ReadOnlySpan<byte>)_bytes).IndexOfAnyExcept((byte)0) < 0;

    public void CopyTo(Span<byte> destination) => ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);

    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    public void EncodeTo(SiaEncoder encoder) => encoder.WriteFixed(_bytes);

    public static Hash256 DecodeFrom(ref SiaDecoder decoder) => new(decoder.ReadFixed(Size));

    public override string ToString() => Convert.ToHexStringLower(_bytes);

    public static Hash256 Parse(string s) => Parse(s, null);

    public static Hash256 Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static Hash256 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var hash) ? hash : throw new FormatException("a hash is exactly 64 hex characters");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Hash256 result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Hash256 result)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecode(s, bytes))
        {
            result = default;
            return false;
        }

        result = new Hash256(bytes);
        return true;
    }

    public bool Equals(Hash256 other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);
}
