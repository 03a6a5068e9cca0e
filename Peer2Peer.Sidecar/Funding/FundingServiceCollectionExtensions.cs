using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Chain;

namespace Peer2Peer.Sidecar.Funding;

public static class FundingServiceCollectionExtensions
{
    public static IServiceCollection AddFunding(this IServiceCollection services)
    {
        services.AddOptions<FundingOptions>().BindConfiguration(FundingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FundingOptions>, FundingOptionsValidator>();
        services.AddSingleton<FundingSubscriber>();
        services.AddSingleton<IChainSubscriber>(provider => provider.GetRequiredService<FundingSubscriber>());
        services.AddSingleton<HotWallet>();
        services.AddSingleton<FundingService>();
        services.AddHostedService(provider => provider.GetRequiredService<FundingService>());
        services.AddSingleton<Hosting.IStatusContributor, IdentityStatus>();
        services.AddSingleton<Hosting.IStatusContributor, FundingStatus>();
        return services;
    }
}
