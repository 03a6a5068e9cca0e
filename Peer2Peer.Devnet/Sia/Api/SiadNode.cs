using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Devnet.Sia.Control;
using Peer2Peer.Devnet.Sia.Hosts;
using Peer2Peer.Devnet.Sia.Wallet;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>One siad-compatible node: its wallet, host and miner over the shared chain, served on its own loopback port.</summary>
public sealed class SiadNode : IAsyncDisposable
{
    private WebApplication? _app;

    public SiadNode(int index, string name, string password, bool authEnabled, DevnetChain chain, DevnetWallet wallet, HostState host, int faultSeed)
    {
        Index = index;
        Name = name;
        Password = password;
        AuthEnabled = authEnabled;
        Chain = chain;
        Wallet = wallet;
        Host = host;
        Faults = new NodeFaults(faultSeed);
    }

    public int Index { get; }

    public string Name { get; }

    public string Password { get; }

    public bool AuthEnabled { get; }

    public DevnetChain Chain { get; }

    public SiadProfile Profile => Chain.Profile;

    public TimeProvider Time => Chain.Time;

    public DevnetWallet Wallet { get; }

    public HostState Host { get; }

    public NodeFaults Faults { get; }

    /// <summary>Set by GET /miner/start: the devnet's miner then mines blocks paying this node.</summary>
    public bool Mining { get; set; }

    public int BlocksMined { get; set; }

    /// <summary>The gateway's (fictitious) peer address, reported by GET /gateway.</summary>
    public string GatewayAddress => $"127.0.0.1:{9981 + 10 * Index}";

    public Uri? ApiUrl { get; private set; }

    /// <summary>Every node of the devnet (this one included); set by the devnet before start.</summary>
    public Func<IReadOnlyList<SiadNode>> Peers { get; set; } = () => [];

    public async Task<Uri> StartAsync(int port, ILoggerFactory loggers, Action<WebApplication, SiadNode>? mapExtra, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseSiadPipeline(this, loggers.CreateLogger($"Peer2Peer.Devnet.Sia.Api.{Name}"));
        app.MapSiadApi(this);
        mapExtra?.Invoke(app, this);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ApiUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return ApiUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
