using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Peer2Peer.Sidecar.Api;

/// <summary>An already serialized JSON body of type <typeparamref name="T"/>: written as is, described in OpenAPI like <c>Ok&lt;T&gt;</c>.</summary>
public sealed class JsonBytesResult<T>(byte[] utf8Json) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/json; charset=utf-8";

    public byte[] Utf8Json { get; } = utf8Json;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = Utf8Json.Length;
        return httpContext.Response.Body.WriteAsync(Utf8Json).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
