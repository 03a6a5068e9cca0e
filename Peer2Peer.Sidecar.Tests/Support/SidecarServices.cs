using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>The sidecar's real registrations over a temp data directory and a given siad client, without the web host.</summary>
public sealed class SidecarServices : IAsyncDisposable
{
    private TempDirectory? _directory;

    private SidecarServices(ServiceProvider provider) => Provider = provider;

    public ServiceProvider Provider { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<SidecarServices> StartAsync(ISiadClient siad, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var directory = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sidecar:DataDirectory"] = directory.Path })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<SidecarOptions>().BindConfiguration(SidecarOptions.Section);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSiad().AddKeys().AddChainFollower().AddFunding();
        configure?.Invoke(services);
        services.AddSingleton(siad);
        var host = new SidecarServices(services.BuildServiceProvider());
        host.Get<DatabaseMigrator>().Migrate();
        var connection = host.Get<SiadConnection>();
        await connection.StartAsync(CancellationToken.None);
        await connection.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        host._directory = directory;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Get<SiadConnection>().StopAsync(CancellationToken.None);
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Dispose();
    }
}
