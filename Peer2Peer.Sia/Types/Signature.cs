using Peer2Peer.Sia.Encoding;

namespace Peer2Peer.Sia.Types;

/// <summary>A 64-byte Ed25519 signature, encoded raw (no length prefix) where Sia uses a fixed array.</summary>
public readonly struct Signature : IEquatable<Signature>, ISiaObject<Signature>
{
    public const int Size = 64;

    private readonly Bytes64 _bytes;

    public Signature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a signature is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    public static int MinEncodedSize => Size;

    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    public void CopyTo(Span<byte> destination) => ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);

    public void EncodeTo(SiaEncoder encoder) => encoder.WriteFixed(_bytes);

    public static Signature DecodeFrom(ref SiaDecoder decoder) => new(decoder.ReadFixed(Size));

    public override string ToString() => Convert.ToHexStringLower(_bytes);

    public bool Equals(Signature other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Signature other && Equals(other);

    public override int GetHashCode() => ((ReadOnlySpan<byte>)_bytes)[0] | ((ReadOnlySpan<byte>)_bytes)[1] << 8;

    public static bool operator ==(Signature left, Signature right) => left.Equals(right);

    public static bool operator !=(Signature left, Signature right) => !left.Equals(right);
}
