using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>
/// siad's request handling around the routes: a crash guard, the Sia-Agent check (400), injected faults, unknown routes
/// (491, or 404 on 1.3.3), 405 as plain text, and Basic auth on protected routes (401).
/// </summary>
public static class SiadPipeline
{
    public const string DevnetPrefix = "/devnet";

    public static void UseSiadPipeline(this WebApplication app, SiadNode node, ILogger logger)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await Guarded(context, next, node);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
                if (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    await SiadResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal error: " + e.Message);
                }
            }
        });
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresPasswordAttribute>() is not null && node.AuthEnabled && !Authorized(context, node.Password))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"SiaAPI\"";
                await SiadResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "API authentication failed.");
                return;
            }

            await SiadForm.LoadAsync(context);
            await next(context);
        });
    }

    private static async Task Guarded(HttpContext context, RequestDelegate next, SiadNode node)
    {
        var path = context.Request.Path.Value ?? "/";
        var isControl = path.StartsWith(DevnetPrefix + "/", StringComparison.Ordinal);
        if (!isControl && !context.Request.Headers.UserAgent.ToString().Contains("Sia-Agent", StringComparison.Ordinal))
        {
            await SiadResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Browser access disabled due to security vulnerability. Use Sia-UI or siac.");
            return;
        }

        if (!isControl && await InjectFaultAsync(context, node, path))
        {
            return;
        }

        if (path.Length > 1 && path.EndsWith('/'))
        {
            await UnknownRouteAsync(context, node);
            return;
        }

        await next(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        if (context.Response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
        {
            await UnknownRouteAsync(context, node);
        }
        else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            var body = Encoding.UTF8.GetBytes("Method Not Allowed\n");
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }
    }

    private static Task UnknownRouteAsync(HttpContext context, SiadNode node) =>
        SiadResults.WriteErrorAsync(context, node.Profile.UnknownRouteStatus, node.Profile.UnknownRouteMessage);

    private static async Task<bool> InjectFaultAsync(HttpContext context, SiadNode node, string path)
    {
        var faults = node.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, node.Time, context.RequestAborted);
        }

        if (faults.RestartingUntil is { } until && node.Time.GetUtcNow() < until && !path.StartsWith("/daemon/", StringComparison.Ordinal))
        {
            await SiadResults.WriteErrorAsync(context, 490, SiadProfile.ModuleNotLoadedMessage);
            return true;
        }

        if (faults.Roll(faults.DropRate))
        {
            context.Abort();
            return true;
        }

        if (faults.Roll(faults.ErrorRate))
        {
            await SiadResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "devnet: injected fault");
            return true;
        }

        return false;
    }

    private static bool Authorized(HttpContext context, string password)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon >= 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(decoded[(colon + 1)..]), Encoding.UTF8.GetBytes(password));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
