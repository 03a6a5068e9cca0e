using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.OpenvCloud.Auth;
using Peer2Peer.Devnet.OpenvCloud.Hosting;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud;

/// <summary>
/// The devnet's OpenvCloud side: M controllers, each its own Kestrel app, plus one shared identity endpoint
/// (itsyou.online stand-in) that every controller trusts. Start with <see cref="StartAsync"/>, print
/// <see cref="Infos"/>, dispose to stop.
/// </summary>
public sealed class OpenvCloudCluster : IAsyncDisposable
{
    private readonly WebApplication _identityApp;

    private OpenvCloudCluster(WebApplication identityApp, IdentityProvider identity, string identityUrl, DevnetClock clock, IReadOnlyList<OpenvCloudController> controllers)
    {
        _identityApp = identityApp;
        Identity = identity;
        IdentityUrl = identityUrl;
        Clock = clock;
        Controllers = controllers;
    }

    public IReadOnlyList<OpenvCloudController> Controllers { get; }

    /// <summary>One record per controller, JSON-serializable for the devnet's summary file.</summary>
    public IReadOnlyList<OpenvCloudControllerInfo> Infos => Controllers.Select(c => c.Info).ToList();

    /// <summary>Issues and checks tokens; tests use <see cref="IdentityProvider.IssueToken"/> for arbitrary users and lifetimes.</summary>
    public IdentityProvider Identity { get; }

    public string IdentityUrl { get; }

    /// <summary>Devnet time shared by every controller; <see cref="DevnetClock.Advance"/> moves them all.</summary>
    public DevnetClock Clock { get; }

    public OpenvCloudController this[string name] =>
        Controllers.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no controller named {name}");

    /// <summary>
    /// Starts the identity endpoint and the controllers. Pass a <see cref="DevnetClock"/> as <paramref name="clock"/>
    /// to share devnet time with the Sia side; any other provider is wrapped in one running at
    /// <see cref="OpenvCloudClusterOptions.ClockSpeed"/>.
    /// </summary>
    public static async Task<OpenvCloudCluster> StartAsync(OpenvCloudClusterOptions options, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(loggers);
        var controllerOptions = Enumerable.Range(0, options.Controllers).Select(options.ForController).ToList();
        Validate(options, controllerOptions);

        var devnetClock = clock as DevnetClock ?? new DevnetClock(clock, options.ClockSpeed);
        var secrets = new SecretSource(options.Seed);
        var identity = new IdentityProvider(devnetClock.Base, options.TokenLifetime, options.IdentitySigningKeyPem, secrets);
        var identityApp = DevnetWebHost.Create(options.BindAddress, options.IdentityPort, loggers);
        IdentityEndpoint.Map(identityApp, identity);
        var started = new List<OpenvCloudController>();
        try
        {
            var identityUrl = await DevnetWebHost.StartAsync(identityApp, cancellationToken);
            for (var i = 0; i < controllerOptions.Count; i++)
            {
                started.Add(await OpenvCloudController.StartAsync(i, controllerOptions[i], options, devnetClock, identity, identityUrl, secrets, loggers,
                    cancellationToken));
            }

            return new OpenvCloudCluster(identityApp, identity, identityUrl, devnetClock, started);
        }
        catch
        {
            foreach (var controller in started)
            {
                await controller.DisposeAsync();
            }

            await identityApp.DisposeAsync();
            identity.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var controller in Controllers)
        {
            await controller.DisposeAsync();
        }

        await _identityApp.StopAsync(CancellationToken.None);
        await _identityApp.DisposeAsync();
        Identity.Dispose();
    }

    private static void Validate(OpenvCloudClusterOptions options, List<OpenvCloudControllerOptions> controllers)
    {
        if (options.Controllers is < 0 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Controllers, "controllers must be between 0 and 64");
        }

        if (options.CloudSpaceDeployTime < TimeSpan.Zero || options.AsyncTaskDuration < TimeSpan.Zero || options.ConsumptionPublishDelay < TimeSpan.Zero
            || options.TokenLifetime <= TimeSpan.Zero || options.AuthkeyLifetime <= TimeSpan.Zero || options.TaskRetention <= TimeSpan.Zero)
        {
            throw new ArgumentException("OpenvCloud devnet durations must not be negative (lifetimes and retention must be positive)", nameof(options));
        }

        if (controllers.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"two OpenvCloud controllers are named {duplicate.Key}", nameof(options));
        }

        foreach (var c in controllers)
        {
            CatalogueValidation.Check(c);
        }
    }
}
