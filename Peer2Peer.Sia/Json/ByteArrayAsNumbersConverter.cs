using Newtonsoft.Json;

namespace Peer2Peer.Sia.Json;

/// <summary>Go writes fixed byte arrays (storage-proof segment, target) as arrays of numbers, not base64.</summary>
public sealed class ByteArrayAsNumbersConverter : JsonConverter<byte[]>
{
    public override void WriteJson(JsonWriter writer, byte[]? value, JsonSerializer serializer)
    {
        writer.WriteStartArray();
        foreach (var b in value ?? [])
        {
            writer.WriteValue(b);
        }

        writer.WriteEndArray();
    }

    public override byte[] ReadJson(JsonReader reader, Type objectType, byte[]? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        JsonByteArrays.ReadNumbers(reader);
}

/// <summary>A block nonce: 8 bytes written as numbers, held as their little-endian u64.</summary>
public sealed class NonceJsonConverter : JsonConverter<ulong>
{
    public override void WriteJson(JsonWriter writer, ulong value, JsonSerializer serializer)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        writer.WriteStartArray();
        foreach (var b in bytes)
        {
            writer.WriteValue(b);
        }

        writer.WriteEndArray();
    }

    public override ulong ReadJson(JsonReader reader, Type objectType, ulong existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var bytes = JsonByteArrays.ReadNumbers(reader);
        return bytes.Length == 8
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes)
            : throw new JsonSerializationException($"nonce at {reader.Path}: expected 8 numbers, got {bytes.Length}");
    }
}

internal static class JsonByteArrays
{
    public static byte[] ReadNumbers(JsonReader reader)
    {
        if (reader.TokenType != JsonToken.StartArray)
        {
            throw new JsonSerializationException($"expected an array of numbers at {reader.Path}, got {reader.TokenType}");
        }

        var bytes = new List<byte>();
        while (reader.Read() && reader.TokenType != JsonToken.EndArray)
        {
            if (reader.TokenType != JsonToken.Integer || reader.Value is not long n || n is < 0 or > 255)
            {
                throw new JsonSerializationException($"expected a byte (0-255) at {reader.Path}");
            }

            if (bytes.Count >= 4096)
            {
                throw new JsonSerializationException($"byte array at {reader.Path} is too long");
            }

            bytes.Add((byte)n);
        }

        return bytes.ToArray();
    }
}
