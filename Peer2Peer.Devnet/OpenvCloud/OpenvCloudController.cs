using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.OpenvCloud.Api;
using Peer2Peer.Devnet.OpenvCloud.Api.Actors;
using Peer2Peer.Devnet.OpenvCloud.Async;
using Peer2Peer.Devnet.OpenvCloud.Auth;
using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Devnet.OpenvCloud.Hosting;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud;

/// <summary>One running OpenvCloud controller: its own Kestrel app, in-memory state, faults and sessions.</summary>
public sealed class OpenvCloudController : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ControllerServices _services;

    private OpenvCloudController(WebApplication app, ControllerServices services, OpenvCloudControllerInfo info)
    {
        _app = app;
        _services = services;
        Info = info;
    }

    public OpenvCloudControllerInfo Info { get; }

    public string Name => Info.Name;

    public Uri BaseUri => new(Info.BaseUrl);

    /// <summary>Down, slow, 5xx and degraded health for this controller (same as <c>POST /devnet/faults</c>).</summary>
    public FaultInjector Faults => _services.Faults;

    public DevnetClock Clock => _services.Clock;

    internal ControllerState State => _services.State;

    /// <summary>
    /// RUNNING hours by size id in the published snapshots of [from, to] — the same data <c>getConsumption</c> serves,
    /// summed for tests and the demo (size 0 = machines made with free vcpus/memory).
    /// </summary>
    public IReadOnlyDictionary<int, int> RunningHoursBySize(int accountId, DateTimeOffset from, DateTimeOffset to)
    {
        lock (State.Sync)
        {
            var account = State.GetAccount(accountId);
            return ConsumptionReport.Hours(account, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), Clock.GetUtcNow(), _services.Options.ConsumptionPublishDelay)
                .SelectMany(h => ConsumptionReport.MachinesAt(State, account, h))
                .Where(m => m.Status == Statuses.Running)
                .GroupBy(m => m.Machine.SizeId)
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }

    internal static async Task<OpenvCloudController> StartAsync(int index, OpenvCloudControllerOptions options, OpenvCloudClusterOptions cluster,
        DevnetClock clock, IdentityProvider identity, string identityUrl, SecretSource secrets, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = new ControllerState(index, options.Catalogue, cluster.CloudSpaceDeployTime, secrets);
        var sessions = new AuthkeySessions(clock.Base, cluster.AuthkeyLifetime);
        var services = new ControllerServices
        {
            Name = options.Name,
            State = state,
            Clock = clock,
            Faults = new FaultInjector(),
            Sessions = sessions,
            Callers = new CallerResolver(identity, sessions),
            Tasks = new TaskRegistry(clock.Base, cluster.AsyncTaskDuration, cluster.TaskRetention),
            Options = cluster,
        };
        var consumer = Seed(state, options, secrets, clock.GetUtcNow());
        var clientId = options.ClientId ?? $"{options.Name}-{options.ConsumerUsername}";
        var clientSecret = options.ClientSecret ?? secrets.Token(32);
        identity.RegisterClient(clientId, clientSecret, options.ConsumerUsername);

        var logger = loggers.CreateLogger($"Peer2Peer.Devnet.OpenvCloud.{options.Name}");
        var app = DevnetWebHost.Create(cluster.BindAddress, options.Port, loggers);
        var methods = new[]
            {
                CatalogueActors.Methods(services), AccountsActor.Methods(services), CloudSpacesActor.Methods(services),
                MachinesActor.Methods(), SystemActors.Methods(services),
            }
            .SelectMany(m => m)
            .ToDictionary(m => m.Key, StringComparer.Ordinal);
        var dispatcher = new RestMachineDispatcher(services, methods, logger);
        var faults = new FaultMiddleware(services.Faults, clock.Base, services.Gid);
        app.Use((http, next) => faults.InvokeAsync(http, next));
        ControlEndpoints.Map(app, services.Faults, clock);
        app.Map("/restmachine/{**method}", dispatcher.HandleAsync);
        app.MapGet("/ping", () => Results.Text("pong", "text/html"));
        app.MapFallback((HttpContext http) => Results.Text($"Could not find page {http.Request.Path}", "text/plain", statusCode: 404));

        var baseUrl = await DevnetWebHost.StartAsync(app, cancellationToken);
        services.BaseUrl = baseUrl;
        logger.LogInformation("OpenvCloud controller {Controller} listening on {BaseUrl} with {Locations} location(s)",
            options.Name, baseUrl, options.Catalogue.Locations.Count);
        var info = new OpenvCloudControllerInfo(
            options.Name, baseUrl, baseUrl + ControlEndpoints.Prefix, identityUrl, clientId, clientSecret,
            options.ConsumerUsername, consumer.Password, $"{options.ConsumerUsername}@{IdentityProvider.Issuer}",
            consumer.AccountId, consumer.CloudSpaceId, options.Catalogue.Locations.Select(l => l.Code).ToList());
        return new OpenvCloudController(app, services, info);
    }

    /// <summary>The consumer's local user, account (ACEs for its JWT identity and local name) and a cloudspace that is already DEPLOYED.</summary>
    private static (string Password, int AccountId, int CloudSpaceId) Seed(ControllerState state, OpenvCloudControllerOptions options, SecretSource secrets, DateTimeOffset now)
    {
        var password = options.ConsumerPassword ?? secrets.Token(16);
        var identity = $"{options.ConsumerUsername}@{IdentityProvider.Issuer}";
        state.LocalUsers[options.ConsumerUsername] = password;
        var account = state.AddAccount(options.AccountName, now);
        account.Acl.Add(new Ace(identity, Ace.Admin));
        account.Acl.Add(new Ace(options.ConsumerUsername, Ace.Admin));
        var space = state.AddCloudSpace(account, options.CloudSpaceName, options.Catalogue.Locations[0], now, now, [], ResourceLimits.Unlimited, null);
        space.Acl.Add(new Ace(identity, Ace.Admin));
        return (password, account.Id, space.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
