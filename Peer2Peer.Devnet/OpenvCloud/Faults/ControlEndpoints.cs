using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Peer2Peer.Devnet.OpenvCloud.Faults;

/// <summary>
/// The devnet's control surface on each controller, under <c>/devnet</c> (never faulted, no auth: loopback only):
/// <c>GET|POST /devnet/faults</c>, <c>POST /devnet/faults/clear</c>, <c>GET /devnet/clock</c>, <c>POST /devnet/clock/advance</c>.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/devnet";

    public static void Map(WebApplication app, FaultInjector faults, DevnetClock clock)
    {
        app.MapGet("/devnet/faults", () => Results.Json(View(faults.Current)));
        app.MapPost("/devnet/faults", async (HttpContext http) =>
        {
            var body = await ReadObjectAsync(http);
            if (body is null)
            {
                return Results.Json(new { error = "body must be a JSON object" }, statusCode: 400);
            }

            if (!TryParse(body, out var state, out var error))
            {
                return Results.Json(new { error }, statusCode: 400);
            }

            faults.Set(state);
            return Results.Json(View(faults.Current));
        });
        app.MapPost("/devnet/faults/clear", () =>
        {
            faults.Clear();
            return Results.Json(View(faults.Current));
        });
        app.MapGet("/devnet/clock", () => Results.Json(ClockView(clock)));
        app.MapPost("/devnet/clock/advance", async (HttpContext http) =>
        {
            var body = await ReadObjectAsync(http);
            if (body?["seconds"] is not JsonValue v || !v.TryGetValue<double>(out var seconds) || !double.IsFinite(seconds) || seconds is < 0 or > 1e9)
            {
                return Results.Json(new { error = "body must be {\"seconds\": <non-negative number>}" }, statusCode: 400);
            }

            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Results.Json(ClockView(clock));
        });
    }

    private static object ClockView(DevnetClock clock)
    {
        var now = clock.GetUtcNow();
        return new { now = now.ToUnixTimeSeconds(), iso = now.ToString("O"), speed = clock.Speed };
    }

    private static object View(FaultState s) => new
    {
        down = s.Down,
        delayMs = (long)s.Delay.TotalMilliseconds,
        errorStatus = s.ErrorStatus,
        errorCount = s.ErrorCount,
        unhealthy = s.UnhealthyComponents,
    };

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static bool TryParse(JsonObject body, out FaultState state, out string? error)
    {
        state = FaultState.None;
        error = null;
        try
        {
            var delayMs = body["delayMs"]?.GetValue<double>() ?? 0;
            var status = body["errorStatus"]?.GetValue<int>();
            var count = body["errorCount"]?.GetValue<int>();
            var unhealthy = body["unhealthy"] is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? "").ToList() : [];
            if (!double.IsFinite(delayMs) || delayMs is < 0 or > 600_000)
            {
                error = "delayMs must be between 0 and 600000";
                return false;
            }

            if (status is { } s && s is < 500 or > 599)
            {
                error = "errorStatus must be a 5xx code";
                return false;
            }

            if (count is < 0 || unhealthy.Any(c => !FaultInjector.HealthComponents.Contains(c)))
            {
                error = "errorCount must not be negative; unhealthy may hold " + string.Join(", ", FaultInjector.HealthComponents);
                return false;
            }

            state = new FaultState
            {
                Down = body["down"]?.GetValue<bool>() ?? false,
                Delay = TimeSpan.FromMilliseconds(delayMs),
                ErrorStatus = status,
                ErrorCount = count,
                UnhealthyComponents = unhealthy,
            };
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            error = "down: bool, delayMs: number, errorStatus: int, errorCount: int, unhealthy: [string]";
            return false;
        }
    }
}
