using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.OpenvCloud;

public static class OpenvCloudServiceCollectionExtensions
{
    /// <summary>Named HttpClient behind every controller's API calls (resilience selected per controller authority).</summary>
    public const string ApiClientName = "openvcloud";

    /// <summary>Named HttpClient for the identity endpoint's token requests.</summary>
    public const string IdentityClientName = "openvcloud-identity";

    /// <summary>Named HttpClient for health probes: no retries, no breaker, the probe's own timeout.</summary>
    public const string ProbeClientName = "openvcloud-probe";

    /// <summary>
    /// The OpenvCloud client: options validated at start, <see cref="IOpenvCloudClientFactory"/> for any controller,
    /// <see cref="IOpenvCloudHealthProbe"/>, and the provider's own controller (<c>OpenvCloud:ApiUrl</c>) as the default
    /// <see cref="IOpenvCloudClient"/>.
    /// </summary>
    public static IServiceCollection AddOpenvCloud(this IServiceCollection services)
    {
        services.AddOptions<OpenvCloudOptions>().BindConfiguration(OpenvCloudOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenvCloudOptions>, OpenvCloudOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(ApiClientName)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("openvcloud", (builder, context) => OpenvCloudResilience.Configure(builder,
                context.ServiceProvider.GetRequiredService<IOptions<OpenvCloudOptions>>().Value, context.ServiceProvider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();
        services.AddHttpClient(IdentityClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("openvcloud-identity", (builder, context) => OpenvCloudResilience.Configure(builder,
                context.ServiceProvider.GetRequiredService<IOptions<OpenvCloudOptions>>().Value, context.ServiceProvider.GetRequiredService<TimeProvider>(),
                everythingSafe: true))
            .SelectPipelineByAuthority();
        services.AddHttpClient(ProbeClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .RedactLoggedHeaders(_ => true);

        services.AddSingleton<IOpenvCloudHealthProbe, OpenvCloudHealthProbe>();
        services.AddSingleton<IOpenvCloudClientFactory, OpenvCloudClientFactory>();
        services.AddSingleton<IOpenvCloudClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<OpenvCloudOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ApiUrl)
                ? new UnconfiguredOpenvCloudClient()
                : provider.GetRequiredService<IOpenvCloudClientFactory>().Create(new Uri(options.ApiUrl), OpenvCloudCredentials.FromOptions(options));
        });
        return services;
    }

    /// <summary>No cookies (the authkey is set per request), no redirects (credentials stay with the controller asked).</summary>
    private static HttpMessageHandler PrimaryHandler() => new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}

/// <summary>The default client when <c>OpenvCloud:ApiUrl</c> is empty (consumer-only sidecar): every call says so.</summary>
internal sealed class UnconfiguredOpenvCloudClient : IOpenvCloudClient
{
    public Uri BaseUrl => new("http://openvcloud.invalid/");

    public Task<IReadOnlyList<OvcLocation>> ListLocationsAsync(CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcSize>> ListSizesAsync(string locationCode, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcSize>> ListSizesForCloudSpaceAsync(int cloudSpaceId, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcImage>> ListImagesAsync(int? accountId, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcAccount>> ListAccountsAsync(CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcMachine>> ListMachinesAsync(int cloudSpaceId, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<OvcMachine?> GetMachineAsync(int machineId, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<int> CreateMachineAsync(OvcMachineSpec spec, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task StartMachineAsync(int machineId, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task StopMachineAsync(int machineId, bool force, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task DeleteMachineAsync(int machineId, bool permanently, CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<IReadOnlyList<OvcConsumptionSnapshot>> GetConsumptionAsync(int accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        throw new OpenvCloudNotConfiguredException();

    public Task<string> WhoAmIAsync(CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();

    public Task<OvcHealth> GetHealthAsync(CancellationToken cancellationToken) => throw new OpenvCloudNotConfiguredException();
}
