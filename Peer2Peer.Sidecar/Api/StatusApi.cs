using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Api;

/// <summary><c>/api/status</c>: one document, one section per capability; <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class StatusApi
{
    private static readonly JsonSerializerSettings Json = CreateJson();

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", (IEnumerable<IStatusContributor> contributors) =>
        {
            var document = contributors.ToDictionary(c => c.Section, c => c.GetStatus());
            return Results.Text(JsonConvert.SerializeObject(document, Json), "application/json");
        }).WithName("GetStatus").WithTags("Status").WithSummary("The sidecar's state: siad, chain sync, identity, funding, and each capability's section.");

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync });
        return app;
    }

    /// <summary>Each check's state in the body, not just the overall status.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonConvert.SerializeObject(body, Json));
    }

    private static JsonSerializerSettings CreateJson()
    {
        var settings = SiaJson.CreateSettings();
        settings.ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver { NamingStrategy = new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy() };
        settings.Converters.Add(new StringEnumConverter());
        return settings;
    }
}
