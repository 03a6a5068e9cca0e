using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>The whole sidecar host in-process (test server) over a temp data directory, and a fake siad or (null) the real client to Siad:ApiUrl.</summary>
public sealed class SidecarFactory : WebApplicationFactory<Peer2Peer.Sidecar.Hosting.SidecarOptions>
{
    private readonly TempDirectory _directory = new();
    private readonly ISiadClient? siad;
    private readonly IDictionary<string, string?>? settings;
    private readonly ILoggerProvider? logs;

    /// <param name="kestrel">Serve on a real loopback port (streaming, browsers) instead of the in-memory test server.</param>
    public SidecarFactory(ISiadClient? siad, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, bool kestrel = false)
    {
        this.siad = siad;
        this.settings = settings;
        this.logs = logs;
        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
        }
    }

    /// <summary>The real address when serving with Kestrel.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    public string DataDirectory => _directory.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sidecar:DataDirectory", _directory.Path);
        if (siad is not null)
        {
            builder.UseSetting("Siad:ApiUrl", "http://127.0.0.1:9");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        builder.ConfigureTestServices(services =>
        {
            if (siad is not null)
            {
                services.AddSingleton(siad);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
