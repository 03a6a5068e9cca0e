using System.Buffers.Binary;
using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A 16-byte tag: an ASCII name right-padded with zero bytes. JSON: the name without its padding.</summary>
[JsonConverter(typeof(SpecifierJsonConverter))]
public readonly struct Specifier : IEquatable<Specifier>, ISiaObject<Specifier>
{
    public const int Size = 16;

    private readonly Bytes16 _bytes;

    public Specifier(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a specifier is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    public static readonly Specifier Ed25519 = FromName("ed25519");
    public static readonly Specifier Entropy = FromName("entropy");
    public static readonly Specifier SiacoinOutput = FromName("siacoin output");
    public static readonly Specifier SiafundOutput = FromName("siafund output");
    public static readonly Specifier FileContract = FromName("file contract");
    public static readonly Specifier StorageProof = FromName("storage proof");
    public static readonly Specifier HostAnnouncement = FromName("HostAnnouncement");
    public static readonly Specifier NonSia = FromName("NonSia");
    public static readonly Specifier FCIdentifier = FromName("FCIdentifier");
    public static readonly Specifier Foundation = FromName("foundation");

    public static int MinEncodedSize => Size;

    /// <summary>Builds a specifier from an ASCII name of at most 16 characters.</summary>
    public static Specifier FromName(string name)
    {
        if (name.Length > Size || name.Any(c => c > 0x7f))
        {
            throw new ArgumentException($"a specifier name is at most {Size} ASCII characters: '{name}'", nameof(name));
        }

        Span<byte> bytes = stackalloc byte[Size];
        System.Text.Encoding.ASCII.GetBytes(name, bytes);
        return new Specifier(bytes);
    }

    /// <summary>The name as siad prints it: every byte up to the trailing zero padding.</summary>
    public string Name
    {
        get
        {
            ReadOnlySpan<byte> bytes = _bytes;
            return System.Text.Encoding.Latin1.GetString(bytes.TrimEnd((byte)0));
        }
    }

    public bool Matches(ReadOnlySpan<byte> data) => data.Length >= Size && data[..Size].SequenceEqual(_bytes);

    public void CopyTo(Span<byte> destination) => ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);

    public byte[] ToBytes() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    public void EncodeTo(SiaEncoder encoder) => encoder.WriteFixed(_bytes);

    public static Specifier DecodeFrom(ref SiaDecoder decoder) => new(decoder.ReadFixed(Size));

    public override string ToString() => Name;

    public bool Equals(Specifier other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Specifier other && Equals(other);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    public static bool operator ==(Specifier left, Specifier right) => left.Equals(right);

    public static bool operator !=(Specifier left, Specifier right) => !left.Equals(right);
}
