using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Json;

/// <summary>Currency as siad writes it: a decimal string of hastings. A bare JSON integer is accepted too, as siad does.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override void WriteJson(JsonWriter writer, Currency value, JsonSerializer serializer) => writer.WriteValue(value.ToString());

    public override Currency ReadJson(JsonReader reader, Type objectType, Currency existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var text = reader.TokenType switch
        {
            JsonToken.String => (string)reader.Value!,
            JsonToken.Integer => Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!,
            _ => throw new JsonSerializationException($"currency at {reader.Path}: expected a decimal string, got {reader.TokenType}"),
        };

        if (text.StartsWith('-'))
        {
            throw new JsonSerializationException($"currency at {reader.Path}: negative currency not allowed");
        }

        if (text.Length == 0 || text.Length > 40 || !text.All(char.IsAsciiDigit)
            || BigInteger.Parse(text, CultureInfo.InvariantCulture) > (BigInteger)UInt128.MaxValue)
        {
            throw new JsonSerializationException($"currency at {reader.Path}: '{Truncate(text)}' is not a decimal number of hastings");
        }

        return new Currency(UInt128.Parse(text, CultureInfo.InvariantCulture));
    }

    private static string Truncate(string text) => text.Length <= 48 ? text : text[..48] + "…";
}
