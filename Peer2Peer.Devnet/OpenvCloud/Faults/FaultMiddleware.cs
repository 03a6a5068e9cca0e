using Microsoft.AspNetCore.Http;
using Peer2Peer.Devnet.OpenvCloud.Api;

namespace Peer2Peer.Devnet.OpenvCloud.Faults;

/// <summary>Applies a controller's faults to every request except the devnet's own control endpoints.</summary>
internal sealed class FaultMiddleware(FaultInjector faults, TimeProvider wallClock, int gid)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var state = faults.Current;
        if (state.Down)
        {
            // A reset connection is what a client sees from a controller that is not there.
            http.Abort();
            return;
        }

        if (state.Delay > TimeSpan.Zero)
        {
            faults.SignalDelayStarted();
            try
            {
                await Task.Delay(state.Delay, wallClock, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (http.Request.Path.StartsWithSegments(RestMachineDispatcher.Prefix, StringComparison.Ordinal) && faults.TakeError() is { } status)
        {
            await (status == 500
                ? OvcResponses.WriteServerErrorAsync(http, gid)
                : OvcResponses.WriteTextAsync(http, status, "text/html",
                    $"<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center><hr><center>nginx</center></body></html>"));
            return;
        }

        await next(http);
    }
}
