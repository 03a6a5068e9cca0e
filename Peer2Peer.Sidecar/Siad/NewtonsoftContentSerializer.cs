using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Peer2Peer.Sia.Json;
using Refit;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>Refit serialization through Newtonsoft.Json with the Sia converters (Refit.Newtonsoft.Json is not on our registry).</summary>
public sealed class NewtonsoftContentSerializer(JsonSerializerSettings? settings = null) : IHttpContentSerializer
{
    /// <summary>siad's largest answers (a full block) stay well under this; anything bigger is not siad.</summary>
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    private readonly JsonSerializer _serializer = JsonSerializer.Create(settings ?? SiaJson.Settings);

    public HttpContent ToHttpContent<T>(T item)
    {
        using var writer = new StringWriter();
        _serializer.Serialize(writer, item);
        return new StringContent(writer.ToString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new SiadProtocolException($"response of {content.Headers.ContentLength} bytes exceeds {MaxResponseBytes}");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        using var json = new JsonTextReader(reader) { MaxDepth = 64 };
        try
        {
            return _serializer.Deserialize<T>(json);
        }
        catch (JsonException e)
        {
            throw new SiadProtocolException($"siad answered JSON that does not match {typeof(T).Name}: {e.Message}", e);
        }
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? propertyInfo.Name.ToLowerInvariant();
}
