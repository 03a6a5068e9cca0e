using System.Buffers.Binary;

namespace Peer2Peer.Sia.Encoding;

/// <summary>Writes Sia's binary encoding (SIAD.md §4) into a growable buffer.</summary>
public sealed class SiaEncoder(int capacity = 512)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Reset() => _length = 0;

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    /// <summary>Counts and indexes are written as u64; a negative one is a bug, never data.</summary>
    public void WriteCount(int count) => WriteUInt64(checked((ulong)count));

    public void WriteBool(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteFixed(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void WritePrefixedBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCount(bytes.Length);
        WriteFixed(bytes);
    }

    public void WriteString(string value)
    {
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteCount(byteCount);
        System.Text.Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    public void Write<T>(T value) where T : ISiaObject<T> => value.EncodeTo(this);

    public void WriteList<T>(IReadOnlyList<T> items) where T : ISiaObject<T>
    {
        WriteCount(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].EncodeTo(this);
        }
    }

    public void WriteUInt64List(IReadOnlyList<ulong> items)
    {
        WriteCount(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            WriteUInt64(items[i]);
        }
    }

    public void WriteBytesList(IReadOnlyList<byte[]> items)
    {
        WriteCount(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            WritePrefixedBytes(items[i]);
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
