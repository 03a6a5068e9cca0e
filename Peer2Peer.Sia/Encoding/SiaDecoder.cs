using System.Buffers.Binary;

namespace Peer2Peer.Sia.Encoding;

/// <summary>
/// Reads Sia's binary encoding from untrusted bytes. Every length prefix is checked against what the
/// remaining input could hold before anything is allocated, so a decode never allocates more than a
/// small multiple of its input; every failure is a <see cref="SiaDecodingException"/>.
/// </summary>
public ref struct SiaDecoder(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadFixed(8));

    public bool ReadBool()
    {
        var b = ReadFixed(1)[0];
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Error($"invalid boolean byte {b}"),
        };
    }

    public byte ReadByte() => ReadFixed(1)[0];

    public ReadOnlySpan<byte> ReadFixed(int length)
    {
        if (length > Remaining)
        {
            throw Error($"unexpected end of input: need {length} bytes, {Remaining} left");
        }

        var slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }

    /// <summary>Reads a list or byte-slice length and refuses one the remaining input cannot hold.</summary>
    public int ReadCount(int minElementSize, int maxCount = int.MaxValue)
    {
        var start = _position;
        var count = ReadUInt64();
        var fits = minElementSize == 0 ? (ulong)Remaining : (ulong)Remaining / (ulong)minElementSize;
        if (count > (ulong)maxCount)
        {
            throw new SiaDecodingException($"length {count} exceeds the limit of {maxCount}", start);
        }

        if (count > fits)
        {
            throw new SiaDecodingException($"length {count} exceeds what the remaining {Remaining} bytes can hold", start);
        }

        return (int)count;
    }

    public byte[] ReadPrefixedBytes(int maxLength = int.MaxValue) => ReadFixed(ReadCount(1, maxLength)).ToArray();

    public string ReadString(int maxLength = int.MaxValue)
    {
        var start = _position;
        var bytes = ReadFixed(ReadCount(1, maxLength));
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw new SiaDecodingException("string is not valid UTF-8", start);
        }
    }

    public T Read<T>() where T : ISiaObject<T> => T.DecodeFrom(ref this);

    public T[] ReadList<T>(int maxCount = int.MaxValue) where T : ISiaObject<T>
    {
        var count = ReadCount(T.MinEncodedSize, maxCount);
        var items = count == 0 ? [] : new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = T.DecodeFrom(ref this);
        }

        return items;
    }

    public ulong[] ReadUInt64List()
    {
        var items = new ulong[ReadCount(8)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadUInt64();
        }

        return items;
    }

    public byte[][] ReadBytesList()
    {
        var items = new byte[ReadCount(8)][];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadPrefixedBytes();
        }

        return items;
    }

    /// <summary>Fails when bytes are left over: an object must be the whole input.</summary>
    public readonly void EnsureEnd()
    {
        if (Remaining != 0)
        {
            throw Error($"{Remaining} trailing bytes after the object");
        }
    }

    public readonly SiaDecodingException Error(string message) => new(message, _position);

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
