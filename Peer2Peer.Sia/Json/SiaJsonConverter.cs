using Newtonsoft.Json;

namespace Peer2Peer.Sia.Json;

/// <summary>A converter for a value written as one JSON string; parse failures become <see cref="JsonSerializationException"/>.</summary>
public abstract class StringValueJsonConverter<T> : JsonConverter<T>
{
    protected abstract string Describe { get; }

    protected abstract bool TryParse(string text, out T value, out string? error);

    protected abstract string Format(T value);

    public override void WriteJson(JsonWriter writer, T? value, JsonSerializer serializer) => writer.WriteValue(Format(value!));

    public override T? ReadJson(JsonReader reader, Type objectType, T? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"{Describe}: expected a string, got {reader.TokenType} at {reader.Path}");
        }

        var text = (string)reader.Value!;
        return TryParse(text, out var value, out var error)
            ? value
            : throw new JsonSerializationException($"{Describe} at {reader.Path}: {error}");
    }
}
