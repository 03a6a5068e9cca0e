using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Peer2Peer.Sidecar.Storage;

/// <summary>
/// Statements prepared once per transaction and re-bound for each row: the follower applies hundreds of blocks in one
/// transaction, and preparing the same per-block statements again every time was most of the scan's cost.
/// Commands from here must not be disposed by the caller; they go with the transaction's connection.
/// </summary>
public static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteTransaction, Dictionary<string, SqliteCommand>> Cache = new();

    public static SqliteCommand Prepared(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var commands = Cache.GetOrCreateValue(transaction);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            commands[sql] = command;
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }
}
