using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>AddDiscovery's real registrations over a temp database, fake time and a test-supplied HTTP handler.</summary>
public sealed class ProberTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ProberTestHost(HttpMessageHandler handler, IDictionary<string, string?>? settings = null, bool realNetwork = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Chain.Database);
        services.AddDiscovery();
        if (!realNetwork)
        {
            services.AddHttpClient(HealthProbe.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ChainTestHost Chain { get; } = new();

    public FakeSiadClient Siad { get; } = new(blocks: 2);

    public ProviderProber Prober => _provider.GetRequiredService<ProviderProber>();

    public CatalogueQueries Queries => _provider.GetRequiredService<CatalogueQueries>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Mines offers pointing at the given API URLs (provider i+1 at urls[i]) and syncs them into the catalogue.</summary>
    public async Task AnnounceAsync(params string[] urls)
    {
        var network = Siad.Chain[0].Id;
        Siad.Extend(1, CatalogueTestHost.Carrying(urls.Select((url, i) => Announcing.Offer(i + 1, 1, network, url: url)).ToArray()));
        await Chain.Follower(Siad, _provider.GetServices<IChainSubscriber>()).SyncOnceAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Chain.Dispose();
    }
}

/// <summary>An HTTP handler answered by an async function of the request (it can wait on the token, like a hung server).</summary>
public sealed class AsyncStubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public System.Collections.Concurrent.ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        var response = await respond(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
