using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Storage;

/// <summary>The sidecar's SQLite database (<c>&lt;DataDirectory&gt;/sidecar.db</c>): one connection per unit of work, WAL mode.</summary>
public sealed class SidecarDatabase(IOptions<SidecarOptions> options)
{
    public const string FileName = "sidecar.db";

    public string Path { get; } = System.IO.Path.Combine(options.Value.DataDirectory, FileName);

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // WAL lets readers (the API) run beside the follower's writes; NORMAL is durable across a process crash.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
