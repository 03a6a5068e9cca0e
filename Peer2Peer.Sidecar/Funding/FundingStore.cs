using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Funding;

public sealed record FundingOutput(Hash256 Id, Currency Value, ulong CreatedHeight);

public sealed record PendingTransaction(Hash256 Id, Transaction Transaction, string Purpose, ulong SignedHeight, ulong? ConfirmedHeight);

/// <summary>SQL of the funding tables (outputs, pending transactions, reservations, top-ups).</summary>
public static class FundingStore
{
    public static void AddOutput(SqliteTransaction tx, Hash256 id, Currency value, ulong height, Hash256 block) =>
        Execute(tx, "INSERT OR IGNORE INTO funding_outputs (id, value, created_height, created_block) VALUES ($id, $value, $height, $block)",
            ("$id", id.ToBlob()), ("$value", value.ToBlob()), ("$height", height.ToColumn()), ("$block", block.ToBlob()));

    /// <summary>Marks an output spent by a block; false when it is not ours.</summary>
    public static bool SpendOutput(SqliteTransaction tx, Hash256 id, ulong height, Hash256 block) =>
        tx.Prepared("UPDATE funding_outputs SET spent_height = $height, spent_block = $block WHERE id = $id AND spent_block IS NULL",
            ("$id", id.ToBlob()), ("$height", height.ToColumn()), ("$block", block.ToBlob())).ExecuteNonQuery() > 0;

    /// <summary>Undoes a block: its outputs vanish, its spends are unspent, its confirmations unconfirmed.</summary>
    public static void RevertBlock(SqliteTransaction tx, Hash256 block)
    {
        Execute(tx, "DELETE FROM funding_outputs WHERE created_block = $block", ("$block", block.ToBlob()));
        Execute(tx, "UPDATE funding_outputs SET spent_height = NULL, spent_block = NULL WHERE spent_block = $block", ("$block", block.ToBlob()));
        Execute(tx, "UPDATE funding_pending SET confirmed_height = NULL, confirmed_block = NULL WHERE confirmed_block = $block", ("$block", block.ToBlob()));
        Execute(tx, "UPDATE funding_topups SET seen_height = NULL WHERE seen_block = $block", ("$block", block.ToBlob()));
    }

    public static bool ConfirmPending(SqliteTransaction tx, Hash256 transactionId, ulong height, Hash256 block) =>
        tx.Prepared("UPDATE funding_pending SET confirmed_height = $height, confirmed_block = $block WHERE transaction_id = $id",
            ("$id", transactionId.ToBlob()), ("$height", height.ToColumn()), ("$block", block.ToBlob())).ExecuteNonQuery() > 0;

    public static void MarkTopUpSeen(SqliteTransaction tx, Hash256 transactionId, ulong height, Hash256 block) =>
        Execute(tx, "UPDATE funding_topups SET seen_height = $height, seen_block = $block WHERE seen_height IS NULL AND instr(transaction_ids, $id) > 0",
            ("$id", transactionId.ToString()), ("$height", height.ToColumn()), ("$block", block.ToBlob()));

    /// <summary>Unspent outputs not reserved by a pending transaction, largest first.</summary>
    public static List<FundingOutput> Spendable(SqliteConnection connection, SqliteTransaction? tx) =>
        ReadOutputs(connection, tx, """
            SELECT id, value, created_height FROM funding_outputs
            WHERE spent_block IS NULL AND id NOT IN (SELECT output_id FROM funding_reservations)
            ORDER BY value DESC
            """);

    public static List<FundingOutput> Unspent(SqliteConnection connection, SqliteTransaction? tx = null) =>
        ReadOutputs(connection, tx, "SELECT id, value, created_height FROM funding_outputs WHERE spent_block IS NULL");

    public static void AddPending(SqliteTransaction tx, Transaction transaction, string purpose, ulong signedHeight, DateTimeOffset now)
    {
        var id = transaction.Id;
        Execute(tx, "INSERT INTO funding_pending (transaction_id, body, purpose, signed_height, submitted_at) VALUES ($id, $body, $purpose, $height, $at)",
            ("$id", id.ToBlob()), ("$body", SiaEncoding.Encode(transaction)), ("$purpose", purpose), ("$height", signedHeight.ToColumn()), ("$at", now.ToString("O")));
        foreach (var input in transaction.SiacoinInputs)
        {
            Execute(tx, "INSERT INTO funding_reservations (output_id, transaction_id) VALUES ($output, $id)", ("$output", input.ParentId.ToBlob()), ("$id", id.ToBlob()));
        }
    }

    public static void UpdatePending(SqliteConnection connection, Transaction transaction, ulong signedHeight) =>
        Execute(connection, null, "UPDATE funding_pending SET body = $body, signed_height = $height WHERE transaction_id = $id",
            ("$id", transaction.Id.ToBlob()), ("$body", SiaEncoding.Encode(transaction)), ("$height", signedHeight.ToColumn()));

    /// <summary>Forgets a transaction that can never confirm and frees its inputs.</summary>
    public static void DropPending(SqliteConnection connection, Hash256 transactionId) =>
        Execute(connection, null, "DELETE FROM funding_pending WHERE transaction_id = $id", ("$id", transactionId.ToBlob()));

    public static bool IsPending(SqliteConnection connection, Hash256 transactionId)
    {
        using var command = connection.Command(null, "SELECT 1 FROM funding_pending WHERE transaction_id = $id", ("$id", transactionId.ToBlob()));
        return command.ExecuteScalar() is not null;
    }

    public static List<PendingTransaction> Pending(SqliteConnection connection, bool unconfirmedOnly)
    {
        using var command = connection.Command(null,
            "SELECT transaction_id, body, purpose, signed_height, confirmed_height FROM funding_pending" + (unconfirmedOnly ? " WHERE confirmed_height IS NULL" : ""));
        using var reader = command.ExecuteReader();
        var pending = new List<PendingTransaction>();
        while (reader.Read())
        {
            pending.Add(new PendingTransaction(reader.GetHash(0), SiaEncoding.Decode<Transaction>((byte[])reader.GetValue(1)), reader.GetString(2),
                reader.GetHeight(3), reader.IsDBNull(4) ? null : reader.GetHeight(4)));
        }

        return pending;
    }

    /// <summary>Confirmed pending transactions whose inputs are spent for good can be forgotten (their rows only served reservation).</summary>
    public static void PruneConfirmed(SqliteConnection connection, ulong belowHeight) =>
        Execute(connection, null, "DELETE FROM funding_pending WHERE confirmed_height IS NOT NULL AND confirmed_height < $height", ("$height", belowHeight.ToColumn()));

    public static void AddTopUp(SqliteConnection connection, Currency amount, IReadOnlyList<Hash256> transactionIds, ulong requestedHeight, DateTimeOffset now) =>
        Execute(connection, null, "INSERT INTO funding_topups (requested_at, requested_height, amount, transaction_ids) VALUES ($at, $height, $amount, $ids)",
            ("$at", now.ToString("O")), ("$height", requestedHeight.ToColumn()), ("$amount", amount.ToBlob()), ("$ids", string.Join(',', transactionIds)));

    /// <summary>The amount of top-ups requested since <paramref name="sinceHeight"/> that no block has shown yet.</summary>
    public static Currency TopUpsInFlight(SqliteConnection connection, ulong sinceHeight)
    {
        using var command = connection.Command(null, "SELECT amount FROM funding_topups WHERE seen_height IS NULL AND requested_height >= $height", ("$height", sinceHeight.ToColumn()));
        using var reader = command.ExecuteReader();
        var total = Currency.Zero;
        while (reader.Read())
        {
            total += reader.GetCurrency(0);
        }

        return total;
    }

    private static List<FundingOutput> ReadOutputs(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.Command(tx, sql);
        using var reader = command.ExecuteReader();
        var outputs = new List<FundingOutput>();
        while (reader.Read())
        {
            outputs.Add(new FundingOutput(reader.GetHash(0), reader.GetCurrency(1), reader.GetHeight(2)));
        }

        return outputs;
    }

    private static int Execute(SqliteTransaction tx, string sql, params (string, object?)[] parameters) => Execute(tx.Connection!, tx, sql, parameters);

    private static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(tx, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
