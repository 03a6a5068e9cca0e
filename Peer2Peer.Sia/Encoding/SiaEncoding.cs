namespace Peer2Peer.Sia.Encoding;

/// <summary>One façade for whole-object encoding and decoding.</summary>
public static class SiaEncoding
{
    public static byte[] Encode<T>(T value) where T : ISiaObject<T>
    {
        var encoder = new SiaEncoder();
        value.EncodeTo(encoder);
        return encoder.ToArray();
    }

    /// <summary>Decodes exactly one object that spans the whole input.</summary>
    public static T Decode<T>(ReadOnlySpan<byte> data, int maxSize = int.MaxValue) where T : ISiaObject<T>
    {
        if (data.Length > maxSize)
        {
            throw new SiaDecodingException($"input of {data.Length} bytes exceeds the limit of {maxSize}", 0);
        }

        var decoder = new SiaDecoder(data);
        var value = T.DecodeFrom(ref decoder);
        decoder.EnsureEnd();
        return value;
    }

    public static bool TryDecode<T>(ReadOnlySpan<byte> data, out T? value, out string? error, int maxSize = int.MaxValue)
        where T : ISiaObject<T>
    {
        try
        {
            value = Decode<T>(data, maxSize);
            error = null;
            return true;
        }
        catch (SiaDecodingException e)
        {
            value = default;
            error = e.Message;
            return false;
        }
    }
}
