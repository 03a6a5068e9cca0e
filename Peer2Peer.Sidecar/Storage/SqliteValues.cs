using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Storage;

/// <summary>
/// How Sia values are stored: hashes as 32-byte BLOBs; hastings as 16-byte big-endian BLOBs, which SQLite compares
/// bytewise, so they sort and compare exactly (never REAL; 1 SC = 10^24 H overflows INTEGER).
/// </summary>
public static class SqliteValues
{
    public static byte[] ToBlob(this Hash256 hash) => hash.ToArray();

    public static byte[] ToBlob(this Currency value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value.Hastings);
        return bytes;
    }

    public static Hash256 GetHash(this SqliteDataReader reader, int ordinal) => new((byte[])reader.GetValue(ordinal));

    public static Currency GetCurrency(this SqliteDataReader reader, int ordinal) =>
        new(BinaryPrimitives.ReadUInt128BigEndian((byte[])reader.GetValue(ordinal)));

    public static ulong GetHeight(this SqliteDataReader reader, int ordinal) => checked((ulong)reader.GetInt64(ordinal));

    public static long ToColumn(this ulong height) => checked((long)height);

    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
