using Newtonsoft.Json;

namespace Peer2Peer.Sia.Json;

/// <summary>siad writes empty lists as <c>null</c> as often as <c>[]</c>; both read as an empty list.</summary>
public sealed class NullAsEmptyListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override void WriteJson(JsonWriter writer, IReadOnlyList<T>? value, JsonSerializer serializer)
    {
        writer.WriteStartArray();
        foreach (var item in value ?? [])
        {
            serializer.Serialize(writer, item, typeof(T));
        }

        writer.WriteEndArray();
    }

    public override IReadOnlyList<T> ReadJson(JsonReader reader, Type objectType, IReadOnlyList<T>? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonToken.StartArray)
        {
            throw new JsonSerializationException($"expected a list at {reader.Path}, got {reader.TokenType}");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonToken.EndArray)
        {
            items.Add(serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException($"null element in list at {reader.Path}"));
        }

        return items.ToArray();
    }
}
