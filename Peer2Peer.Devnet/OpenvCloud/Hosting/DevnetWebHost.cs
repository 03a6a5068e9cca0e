using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Peer2Peer.Devnet.OpenvCloud.Hosting;

/// <summary>
/// A bare Kestrel app for one devnet endpoint: one address and port (0 = any), the devnet's logger factory with
/// ASP.NET's request logs held to warnings (they would print authkey query strings), and no console lifetime
/// so the devnet, not each app, owns Ctrl+C.
/// </summary>
internal static class DevnetWebHost
{
    private const long MaxBodyBytes = 1024 * 1024;

    public static WebApplication Create(string bindAddress, int port, ILoggerFactory loggers)
    {
        if (!IPAddress.TryParse(bindAddress, out var address))
        {
            throw new ArgumentException($"bind address '{bindAddress}' is not an IP address", nameof(bindAddress));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerFactory>(new QuietFrameworkLoggerFactory(loggers));
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        return builder.Build();
    }

    /// <summary>Starts the app and returns its bound base URL (read from the server, so port 0 resolves).</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.First().TrimEnd('/');
    }

    private sealed class NoConsoleLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
