using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>The sidecar's own options, admin key, problem details and health checks.</summary>
    public static IServiceCollection AddSidecarHosting(this IServiceCollection services)
    {
        services.AddOptions<SidecarOptions>().BindConfiguration(SidecarOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SidecarOptions>, SidecarOptionsValidator>();
        services.AddSingleton<AdminApiKey>();
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHealthChecks();
        return services;
    }
}
