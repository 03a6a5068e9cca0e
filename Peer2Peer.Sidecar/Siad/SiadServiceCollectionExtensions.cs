using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Peer2Peer.Sidecar.Siad;

public static class SiadServiceCollectionExtensions
{
    /// <summary>The named HttpClient behind <see cref="ISiadApi"/>.</summary>
    public const string HttpClientName = "siad";

    /// <summary>The siad client: options validated at start, Refit over Newtonsoft with Sia converters, auth and resilience.</summary>
    public static IServiceCollection AddSiad(this IServiceCollection services)
    {
        services.AddOptions<SiadOptions>().BindConfiguration(SiadOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiadOptions>, SiadOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiadPassword>();
        services.AddTransient<SiadHttpHandler>();

        var refit = new RefitSettings(new NewtonsoftContentSerializer()) { ExceptionFactory = response => new ValueTask<Exception?>(SiadErrorMapper.MapAsync(response)) };
        services.AddRefitGeneratedClient<ISiadApi>(refit, HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = new Uri(provider.GetRequiredService<IOptions<SiadOptions>>().Value.ApiUrl);
                // Polly owns timeouts; HttpClient's own would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<SiadHttpHandler>()
            .AddResilienceHandler("siad", (builder, context) =>
                SiadResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<SiadOptions>>().Value, context.ServiceProvider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ISiadClient, SiadClient>();
        services.AddSingleton<SiadConnection>();
        services.AddHostedService(provider => provider.GetRequiredService<SiadConnection>());
        services.AddSingleton<SiadStatus>();
        services.AddSingleton<Hosting.IStatusContributor>(provider => provider.GetRequiredService<SiadStatus>());
        services.AddHealthChecks().AddCheck<SiadStatus>("siad", tags: ["ready"]);
        return services;
    }
}
