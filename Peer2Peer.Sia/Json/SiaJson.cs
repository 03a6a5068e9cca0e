using Newtonsoft.Json;

namespace Peer2Peer.Sia.Json;

/// <summary>Serializer settings for siad's JSON: the Sia types carry their own converters and names.</summary>
public static class SiaJson
{
    public static JsonSerializerSettings Settings { get; } = CreateSettings();

    public static JsonSerializerSettings CreateSettings() => new()
    {
        // Cap nesting: JSON from the network is untrusted.
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    public static string Serialize<T>(T value) => JsonConvert.SerializeObject(value, Settings);

    public static T Deserialize<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new JsonSerializationException("unexpected null JSON document");
}
