using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>A migrated database in a temp directory and a follower over a given siad client and subscribers.</summary>
public sealed class ChainTestHost : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ChainTestHost()
    {
        Options = Microsoft.Extensions.Options.Options.Create(new SidecarOptions { DataDirectory = _directory.Path });
        Database = new SidecarDatabase(Options);
        new DatabaseMigrator(Database, NullLogger<DatabaseMigrator>.Instance).Migrate();
    }

    public IOptions<SidecarOptions> Options { get; }

    public SidecarDatabase Database { get; }

    public string DataDirectory => _directory.Path;

    public ChainFollower Follower(ISiadClient siad, IEnumerable<IChainSubscriber> subscribers, int batchSize = 200, TimeProvider? time = null)
    {
        var siadOptions = Microsoft.Extensions.Options.Options.Create(new SiadOptions());
        var connection = new SiadConnection(siad, siadOptions, time ?? TimeProvider.System, NullLogger<SiadConnection>.Instance);
        return new ChainFollower(siad, connection, Database, subscribers,
            Microsoft.Extensions.Options.Options.Create(new ChainFollowerOptions { BatchSize = batchSize, FetchConcurrency = 4 }),
            time ?? TimeProvider.System, NullLogger<ChainFollower>.Instance);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
