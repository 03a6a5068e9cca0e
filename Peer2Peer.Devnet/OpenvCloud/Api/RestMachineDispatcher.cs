using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.OpenvCloud.Async;
using Peer2Peer.Devnet.OpenvCloud.Auth;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>
/// Serves <c>/restmachine/&lt;app&gt;/&lt;actor&gt;/&lt;method&gt;</c> in the portal's order: route and verb (404),
/// parameters (400), credentials (401/419), required auth (401), parameter validation (400), then the
/// method — synchronously, or as a task when <c>_async</c> is set. Errors inside the method (403, 404,
/// 409, business 400) become <c>[false, message]</c> in the async form. Nothing a client sends escapes as an exception.
/// </summary>
internal sealed class RestMachineDispatcher(ControllerServices services, IReadOnlyDictionary<string, ApiMethod> methods, ILogger logger)
{
    public const string Prefix = "/restmachine";

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await DispatchAsync(http);
        }
        catch (OvcException e)
        {
            await OvcResponses.WriteErrorAsync(http, e.Status, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            await OvcResponses.WriteErrorAsync(http, e.StatusCode, "Bad request.");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "OpenvCloud controller {Controller}: {Path} failed", services.Name, http.Request.Path.Value);
            if (!http.Response.HasStarted)
            {
                await OvcResponses.WriteServerErrorAsync(http, services.Gid);
            }
        }
    }

    private async Task DispatchAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var segments = path.Length > Prefix.Length ? path[(Prefix.Length + 1)..].TrimEnd('/').Split('/') : [];
        if (segments.Length != 3
            || !methods.TryGetValue(string.Join('/', segments), out var method)
            || !method.Verbs.Contains(http.Request.Method, StringComparer.Ordinal))
        {
            await OvcResponses.WriteNoRouteAsync(http);
            return;
        }

        var parameters = await RequestParameters.ReadAsync(http.Request, http.RequestAborted);
        switch (services.Callers.Resolve(http.Request, parameters, out var caller))
        {
            case AuthFailure.BadToken:
                await OvcResponses.WriteAccessDeniedAsync(http);
                return;
            case AuthFailure.BadAuthkey:
                await OvcResponses.WriteErrorAsync(http, 419, "key not valid or expired");
                return;
        }

        if (method.RequiresAuth && caller.IsGuest)
        {
            await OvcResponses.WriteGuestAsync(http);
            return;
        }

        var args = RequestParameters.Validate(method, parameters);
        var context = new CallContext(services.State, caller, args, services.Clock.GetUtcNow())
        {
            Verb = http.Request.Method,
            Accept = http.Request.Headers.Accept.ToString(),
        };
        var format = RequestParameters.Format(parameters);

        if (RequestParameters.IsAsync(parameters) && method.Key != "system/task/get")
        {
            var guid = services.Tasks.Submit(Run(method, context));
            await OvcResponses.WriteJsonAsync(http, 200, guid);
            return;
        }

        object? result;
        lock (services.State.Sync)
        {
            result = method.Handler(context);
        }

        if (result is HttpReply reply)
        {
            await WriteReplyAsync(http, reply);
            return;
        }

        await OvcResponses.WriteJsonAsync(http, 200, format == "json" ? new JsonObject { ["result"] = ToNode(result) } : result);
    }

    /// <summary>Runs a method for a task; documented errors become the task's failure message.</summary>
    private TaskOutcome Run(ApiMethod method, CallContext context)
    {
        try
        {
            lock (services.State.Sync)
            {
                var result = method.Handler(context);
                return result is HttpReply reply
                    ? (reply.Status < 300 ? TaskOutcome.Ok(reply.Body) : TaskOutcome.Failed(reply.Body as string ?? $"HTTP {reply.Status}"))
                    : TaskOutcome.Ok(result);
            }
        }
        catch (OvcException e)
        {
            return TaskOutcome.Failed(e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "OpenvCloud controller {Controller}: async {Method} failed", services.Name, method.Key);
            return TaskOutcome.Failed("Your service request could not be fulfilled correctly, please contact support.");
        }
    }

    private static Task WriteReplyAsync(HttpContext http, HttpReply reply)
    {
        if (reply.Body is null)
        {
            http.Response.StatusCode = reply.Status;
            return Task.CompletedTask;
        }

        return reply.TextContentType is { } contentType
            ? OvcResponses.WriteTextAsync(http, reply.Status, contentType, reply.Body as string ?? "")
            : OvcResponses.WriteJsonAsync(http, reply.Status, reply.Body);
    }

    private static JsonNode? ToNode(object? value) => JsonNode.Parse(OvcResponses.Serialize(value));
}
