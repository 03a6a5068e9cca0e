using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>The sidecar's siad registration over a given primary handler (a stub or a real socket), nothing else.</summary>
public static class SiadTestHost
{
    public static ServiceProvider Build(HttpMessageHandler handler, IDictionary<string, string?>? settings = null, TimeProvider? time = null, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Siad:ApiUrl"] = "http://127.0.0.1:9980",
                ["Siad:RetryBaseDelay"] = "00:00:00",
                ["Siad:MaxRetries"] = "3",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => { if (logs is not null) { b.AddProvider(logs); } });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSiad();
        services.AddHttpClient(SiadServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
