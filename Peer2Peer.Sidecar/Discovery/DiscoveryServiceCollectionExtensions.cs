using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Discovery.Probing;

namespace Peer2Peer.Sidecar.Discovery;

public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>
    /// The catalogue subscriber (registered as <see cref="IChainSubscriber"/>: call after AddFunding, registration order is
    /// subscriber order), its read API, the prober and the <c>catalogue</c> status section. Needs AddChainFollower.
    /// </summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscoveryOptions>, DiscoveryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<DiscoveryMetrics>();
        services.AddSingleton<CatalogueChanges>();
        services.AddSingleton<CatalogueSubscriber>();
        services.AddSingleton<IChainSubscriber>(provider => provider.GetRequiredService<CatalogueSubscriber>());
        services.AddSingleton<CatalogueQueries>();
        services.AddSingleton<Query.CatalogueEventLog>(provider => new Query.CatalogueEventLog(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Query.CatalogueIndex>();
        services.AddHostedService<Query.CatalogueIndexRefresher>();
        services.AddSingleton<Api.ProviderListCache>();

        // Probes go to arbitrary hosts named on the chain: no cookies, no redirects, no credentials, our own timeout.
        services.AddHttpClient(HealthProbe.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                Credentials = null,
                PreAuthenticate = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxResponseHeadersLength = 16,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        services.AddSingleton<HealthProbe>();
        services.AddSingleton<ProviderProber>();
        services.AddHostedService(provider => provider.GetRequiredService<ProviderProber>());
        services.AddSingleton<Hosting.IStatusContributor, CatalogueStatus>();
        return services;
    }
}
