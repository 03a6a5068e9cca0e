using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>Marks an endpoint that needs the API password when auth is on (the "A" endpoints of SIAD.md §3).</summary>
public sealed class RequiresPasswordAttribute : Attribute
{
    public static RequiresPasswordAttribute Instance { get; } = new();
}

/// <summary>siad's answer forms: JSON + newline, 204 for actions, <c>{"message"}</c> for errors.</summary>
public static class SiadResults
{
    private static readonly JsonSerializerSettings Settings = SiaJson.CreateSettings();

    public static IResult Json(object value, int status = StatusCodes.Status200OK) => new JsonResult(value, status);

    public static IResult Success() => Results.StatusCode(StatusCodes.Status204NoContent);

    public static IResult Error(string message, int status = StatusCodes.Status400BadRequest) => new JsonResult(new ErrorBody(message), status);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static Task WriteErrorAsync(HttpContext context, int status, string message) => new JsonResult(new ErrorBody(message), status).ExecuteAsync(context);

    private sealed record ErrorBody([property: JsonProperty("message")] string Message);

    private sealed class JsonResult(object value, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var body = Encoding.UTF8.GetBytes(Serialize(value) + "\n");
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body);
        }
    }
}

/// <summary>Reads request fields the way Go's FormValue does: the form body first, then the query string.</summary>
public static class SiadForm
{
    public static string Field(this HttpContext context, string name)
    {
        if (context.Request.HasFormContentType && context.Items.ContainsKey(FormLoaded) && context.Request.Form.TryGetValue(name, out var posted))
        {
            return posted.ToString();
        }

        return context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : "";
    }

    public static bool HasField(this HttpContext context, string name) =>
        (context.Request.HasFormContentType && context.Items.ContainsKey(FormLoaded) && context.Request.Form.ContainsKey(name))
        || context.Request.Query.ContainsKey(name);

    internal const string FormLoaded = "siad.form";

    internal static async Task LoadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return;
        }

        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            context.Items[FormLoaded] = true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // Go's FormValue ignores a body it cannot parse; so do we.
        }
    }
}
