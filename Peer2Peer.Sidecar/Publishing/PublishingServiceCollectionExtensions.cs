using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>The provider's publisher; idle unless Sidecar:Role is Provider. Reads the offer from the OpenvCloud controller (AddOpenvCloud).</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>();
        services.AddSingleton<OfferBuilder>();
        services.TryAddSingleton<IControllerCatalogueSource, OpenvCloudCatalogueSource>();
        services.AddSingleton<PublishedStore>();
        services.AddSingleton<Publisher>();
        services.AddHostedService(provider => provider.GetRequiredService<Publisher>());
        services.AddSingleton<IStatusContributor, PublishingStatus>();
        return services;
    }
}

/// <summary>The <c>publishing</c> section of /api/status.</summary>
public sealed class PublishingStatus(Publisher publisher, PublishedStore store, IOptions<SidecarOptions> sidecar) : IStatusContributor
{
    public string Section => "publishing";

    public object GetStatus()
    {
        if (sidecar.Value.Role != SidecarRole.Provider)
        {
            return new { enabled = false };
        }

        var latest = store.Latest();
        return new
        {
            enabled = true,
            sequence = latest?.Sequence,
            kind = latest?.Kind,
            transactionId = latest?.TransactionId?.ToString(),
            confirmedHeight = latest?.ConfirmedHeight,
            expiryHeight = latest?.ExpiryHeight,
            problem = publisher.LastProblem,
        };
    }
}
