using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Json;

/// <summary>Writes siad's object form <c>{"algorithm","key":base64}</c>; reads it or the <c>"ed25519:hex"</c> string.</summary>
public sealed class SiaPublicKeyJsonConverter : JsonConverter<SiaPublicKey>
{
    public override void WriteJson(JsonWriter writer, SiaPublicKey? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("algorithm");
        writer.WriteValue(value.Algorithm.Name);
        writer.WritePropertyName("key");
        writer.WriteValue(Convert.ToBase64String(value.Key.Span));
        writer.WriteEndObject();
    }

    public override SiaPublicKey? ReadJson(JsonReader reader, Type objectType, SiaPublicKey? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.String:
                return SiaPublicKey.TryParse((string)reader.Value!, out var parsed)
                    ? parsed
                    : throw new JsonSerializationException($"public key at {reader.Path}: expected 'ed25519:<hex>'");
            case JsonToken.StartObject:
                var obj = JObject.Load(reader);
                var algorithm = obj.Value<string>("algorithm") ?? "";
                var key = obj.Value<string>("key") ?? "";
                if (algorithm.Length > Specifier.Size || algorithm.Any(c => c > 0x7f))
                {
                    throw new JsonSerializationException($"public key at {reader.Path}: bad algorithm");
                }

                try
                {
                    return new SiaPublicKey(Specifier.FromName(algorithm), Convert.FromBase64String(key));
                }
                catch (FormatException)
                {
                    throw new JsonSerializationException($"public key at {reader.Path}: key is not base64");
                }

            default:
                throw new JsonSerializationException($"public key at {reader.Path}: unexpected {reader.TokenType}");
        }
    }
}
