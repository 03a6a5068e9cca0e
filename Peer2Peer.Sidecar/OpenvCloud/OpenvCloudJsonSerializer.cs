using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Refit;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// Refit serialization for OpenvCloud over Newtonsoft.Json: compact JSON bodies; answers read with a size cap, a depth
/// cap and strict types, any mismatch becoming an <see cref="OpenvCloudProtocolException"/> (never a crash).
/// </summary>
public sealed class OpenvCloudJsonSerializer(int maxResponseBytes, SecretRedactor? redactor = null) : IHttpContentSerializer
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Ignore,
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = 64,
        CheckAdditionalContent = true,
        Formatting = Formatting.None,
    };

    private readonly JsonSerializer _serializer = JsonSerializer.Create(Settings);

    public HttpContent ToHttpContent<T>(T item)
    {
        using var writer = new StringWriter();
        _serializer.Serialize(writer, item);
        return new StringContent(writer.ToString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var bytes = await BoundedContent.ReadAsync(content, maxResponseBytes, "OpenvCloud", cancellationToken);
        return Deserialize<T>(bytes, redactor);
    }

    /// <summary>Strict decoding of an answer; exposed for the parts that read bodies without Refit.</summary>
    public static T Deserialize<T>(byte[] bytes, SecretRedactor? redactor = null)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        using var json = new JsonTextReader(reader) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
        try
        {
            var value = JsonSerializer.Create(Settings).Deserialize<T>(json);
            return value ?? throw new OpenvCloudProtocolException($"OpenvCloud answered null or nothing where {Describe(typeof(T))} was expected");
        }
        catch (JsonException e)
        {
            var detail = redactor?.Redact(e.Message) ?? e.Message;
            throw new OpenvCloudProtocolException($"OpenvCloud answered JSON that is not {Describe(typeof(T))}: {Truncate(detail)}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new OpenvCloudProtocolException("OpenvCloud answered bytes that are not UTF-8", e);
        }
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? propertyInfo.Name;

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name.Split('`')[0]} of {string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}"
        : type.Name;

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
