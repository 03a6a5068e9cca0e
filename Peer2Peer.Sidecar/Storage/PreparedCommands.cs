using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Peer2Peer.Sidecar.Storage;

/// <summary>
/// Statements prepared once per connection and re-bound for each row: the follower applies thousands of blocks on one
/// connection, and preparing the same per-block statements again every time was most of the scan's cost.
/// Commands from here must not be disposed by the caller; they go with the connection.
/// </summary>
public static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = new();

    public static SqliteCommand Prepared(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var commands = Cache.GetOrCreateValue(transaction.Connection!);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = transaction.Connection!.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            commands[sql] = command;
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }
}
