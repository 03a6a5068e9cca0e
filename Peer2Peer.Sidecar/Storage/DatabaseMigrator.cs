using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded from <c>Storage/Migrations/NNN.Name.sql</c>, each once, in order, each in
/// its own transaction, recording them in <c>schema_migrations</c>. Runs at start before anything reads the database.
/// </summary>
public sealed partial class DatabaseMigrator(SidecarDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Migrate()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(database.Path))!);
            using var connection = database.Open();
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var applied = new HashSet<long>();
            using (var query = connection.CreateCommand())
            {
                query.CommandText = "SELECT id FROM schema_migrations";
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    applied.Add(reader.GetInt64(0));
                }
            }

            foreach (var (id, name, sql) in Scripts().Where(s => !applied.Contains(s.Id)))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, sql);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (id, name, applied_at) VALUES ($id, $name, $at)";
                record.Parameters.AddWithValue("$id", id);
                record.Parameters.AddWithValue("$name", name);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
                transaction.Commit();
                LogApplied(logger, id, name);
            }
        }
        catch (SqliteException e)
        {
            throw new StartupException($"cannot open or migrate the database {database.Path}: {e.Message}", e);
        }
    }

    public static IReadOnlyList<(long Id, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(resource => (resource, match: ScriptName().Match(resource)))
            .Where(x => x.match.Success)
            .Select(x => (long.Parse(x.match.Groups[1].Value), x.match.Groups[2].Value, Read(assembly, x.resource)))
            .OrderBy(x => x.Item1)
            .ToArray();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\.Migrations\.(\d{3})\.(\w+)\.sql$")]
    private static partial Regex ScriptName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migration {Id} {Name} applied")]
    private static partial void LogApplied(ILogger logger, long id, string name);
}
