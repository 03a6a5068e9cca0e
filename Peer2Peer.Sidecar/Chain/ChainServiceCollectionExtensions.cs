using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Chain;

public static class ChainServiceCollectionExtensions
{
    /// <summary>The database (migrated at start) and the chain follower; subscribers register themselves as <see cref="IChainSubscriber"/>.</summary>
    public static IServiceCollection AddChainFollower(this IServiceCollection services)
    {
        services.AddOptions<ChainFollowerOptions>().BindConfiguration(ChainFollowerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChainFollowerOptions>, ChainFollowerOptionsValidator>();
        services.AddSingleton<SidecarDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator>());
        services.AddSingleton<ChainFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ChainFollower>());
        services.AddSingleton<Hosting.IStatusContributor, ChainStatus>();
        services.AddHealthChecks()
            .AddCheck<ChainStatus.SyncedCheck>("synced", tags: ["ready"])
            .AddCheck<ChainStatus.DatabaseCheck>("database", tags: ["ready"]);
        return services;
    }
}
