using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>
/// Query string, then a JSON-object body or a form body, merged into one parameter map like the portal's kwargs
/// (body wins). Bodies of other content types are ignored, as the portal does.
/// </summary>
internal static class RequestParameters
{
    public static async Task<Dictionary<string, JsonNode?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            merged[name] = JsonValue.Create(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            if (text.Trim().Length == 0)
            {
                return merged;
            }

            JsonNode? body;
            try
            {
                body = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            }
            catch (JsonException)
            {
                throw OvcException.BadRequest("Could not parse the request body as JSON.");
            }

            if (body is not JsonObject obj)
            {
                throw OvcException.BadRequest("The request body must be a JSON object of parameters.");
            }

            foreach (var (name, value) in obj)
            {
                merged[name] = value?.DeepClone();
            }
        }
        else if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                throw OvcException.BadRequest("Could not parse the form body.");
            }

            foreach (var (name, value) in form)
            {
                merged[name] = JsonValue.Create(value.ToString());
            }
        }

        return merged;
    }

    /// <summary>Checks presence and type of every declared parameter; optional ones get their default.</summary>
    public static Dictionary<string, object?> Validate(ApiMethod method, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var spec in method.Params)
        {
            parameters.TryGetValue(spec.Name, out var node);
            if (node is null && !spec.Optional)
            {
                throw OvcException.Missing(spec.Name);
            }

            if (ParamCoercion.IsEmpty(node) && spec.Optional)
            {
                args[spec.Name] = spec.Default;
                continue;
            }

            if (!ParamCoercion.TryCoerce(node!, spec.Type, out var value))
            {
                throw OvcException.WrongType(spec.Name, spec.TypeName);
            }

            args[spec.Name] = value;
        }

        return args;
    }

    public static bool IsAsync(IReadOnlyDictionary<string, JsonNode?> parameters) =>
        parameters.TryGetValue("_async", out var node) && node is not null
        && ParamCoercion.TryCoerce(node, ParamType.Bool, out var value) && value is true;

    public static string? Format(IReadOnlyDictionary<string, JsonNode?> parameters) =>
        parameters.TryGetValue("format", out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
