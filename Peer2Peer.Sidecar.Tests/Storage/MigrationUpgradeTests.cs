using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Storage;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Storage;

[Category("Unit")]
public sealed class MigrationUpgradeTests
{
    [Test]
    public void Migration004KeepsTheCheckpointAndTheSkipCountsOfAnExistingDatabaseAndTotalsThem()
    {
        using var directory = new TempDirectory();
        var database = new SidecarDatabase(Microsoft.Extensions.Options.Options.Create(new SidecarOptions { DataDirectory = directory.Path }));
        using (var connection = database.Open())
        {
            // A database as the sidecar left it before migration 004.
            Execute(connection, "CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var (id, name, sql) in DatabaseMigrator.Scripts().Where(s => s.Id < 4))
            {
                Execute(connection, sql);
                Execute(connection, $"INSERT INTO schema_migrations VALUES ({id}, '{name}', 'then')");
            }

            for (var height = 0; height < 3; height++)
            {
                Execute(connection, $"INSERT INTO chain_blocks VALUES ({height}, randomblob(32), randomblob(32), {1000 + height})");
                Execute(connection, $"INSERT INTO scan_counts VALUES (randomblob(32), {height}, 'Foreign', 1)");
            }

            Execute(connection, "INSERT INTO scan_counts VALUES (randomblob(32), 2, 'BadSignature', 2)");
        }

        new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).Migrate();

        using var after = database.Open();
        Assert.That(Rows(after, "SELECT height, timestamp FROM chain_blocks ORDER BY height"), Is.EqualTo(new[] { "0|1000", "1|1001", "2|1002" }));
        Assert.That(Rows(after, "SELECT height, reason, count FROM scan_counts ORDER BY height, reason"),
            Is.EqualTo(new[] { "0|Foreign|1", "1|Foreign|1", "2|BadSignature|2", "2|Foreign|1" }));
        Assert.That(Rows(after, "SELECT reason, count FROM scan_totals ORDER BY reason"), Is.EqualTo(new[] { "BadSignature|2", "Foreign|3" }));
        Assert.That(Rows(after, "SELECT name FROM sqlite_master WHERE name = 'announcements_block'"), Is.Empty);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(null, sql);
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(null, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }
}
