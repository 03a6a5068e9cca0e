using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>
/// The chain follower's catalogue subscriber: every arbitrary-data entry of every block is verified (ours: codec +
/// network + storable values; Sia host announcements: signature + address), accepted ones go to the catalogue, the rest
/// are counted by reason. All writes happen in the follower's transaction, so the catalogue moves with the checkpoint.
/// </summary>
public sealed partial class CatalogueSubscriber(DiscoveryMetrics metrics, CatalogueChanges changes, ILogger<CatalogueSubscriber> logger) : IChainSubscriber
{
    private readonly Lock _lock = new();
    private readonly ScanTally _uncommitted = new();
    private SqliteTransaction? _uncommittedIn;
    private Hash256? _genesis;

    public void Apply(ChainBlock block, SqliteTransaction transaction)
    {
        if (block.Height == 0)
        {
            _genesis = block.Id;
        }

        // The network an offer must name is this chain's genesis block ID (docs/ANNOUNCEMENT.md).
        var network = _genesis ??= Genesis(transaction);
        var tally = new ScanTally();
        var transactions = block.Block.Transactions;
        for (var t = 0; t < transactions.Count; t++)
        {
            var txn = transactions[t];
            Hash256? txnId = null;
            for (var e = 0; e < txn.ArbitraryData.Count; e++)
            {
                var entry = txn.ArbitraryData[e];
                EntryPosition At() => new(block.Height, block.Id, txnId ??= txn.Id, t, e);
                Scan(entry, network, At, transaction, tally);
            }
        }

        ScanCountRepository.Record(transaction, block.Height, tally);
        Remember(transaction, tally);
    }

    public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction)
    {
        foreach (var key in ProviderRepository.Orphan(transaction, blockId))
        {
            ProviderRepository.Rebuild(transaction, key);
        }

        HostRepository.Orphan(transaction, blockId);
        ScanCountRepository.Remove(transaction, height);
        if (height == 0)
        {
            _genesis = null;
        }

        Remember(transaction, new ScanTally());
    }

    /// <summary>Counts reach the metrics only once their block is committed (a rolled-back batch is applied again).</summary>
    public void Committed()
    {
        lock (_lock)
        {
            metrics.Publish(_uncommitted);
            _uncommitted.Clear();
            _uncommittedIn = null;
            changes.Bump();
        }
    }

    private void Scan(byte[] entry, Hash256 network, Func<EntryPosition> at, SqliteTransaction transaction, ScanTally tally)
    {
        if (Specifier.HostAnnouncement.Matches(entry))
        {
            if (TryDecodeHost(entry) is { } host)
            {
                HostRepository.Record(transaction, host, at());
                tally.Accept();
            }
            else
            {
                Skip(tally, ScanTally.InvalidHostAnnouncement, null, at);
            }

            return;
        }

        var result = Decode(entry, network);
        if (result.Announcement is not { } announcement)
        {
            var reason = result.Rejection ?? AnnouncementRejection.Malformed;
            if (reason == AnnouncementRejection.Foreign)
            {
                tally.Skip(ScanTally.Foreign);
            }
            else
            {
                Skip(tally, reason.ToString(), result.Detail, at);
            }

            return;
        }

        if (CatalogueLimits.Problem(announcement) is { } problem)
        {
            Skip(tally, nameof(AnnouncementRejection.InvalidValue), problem, at);
        }
        else if (ProviderRepository.Accept(transaction, announcement, entry, at()))
        {
            tally.Accept();
        }
        else
        {
            Skip(tally, ScanTally.Stale, $"sequence {announcement.Sequence} of {announcement.ProviderKey} is not above the current one", at);
        }
    }

    private void Skip(ScanTally tally, string reason, string? detail, Func<EntryPosition> at)
    {
        tally.Skip(reason);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var position = at();
            LogSkipped(logger, reason, position.Height, position.TransactionId.ToString(), position.EntryIndex, detail ?? "");
        }
    }

    /// <summary>The codec never throws for data; this guard keeps a future bug from stopping the follower on one entry.</summary>
    private static AnnouncementDecodeResult Decode(byte[] entry, Hash256 network)
    {
        try
        {
            return AnnouncementCodec.Decode(entry, network);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AnnouncementDecodeResult(null, AnnouncementRejection.Malformed, e.GetType().Name);
        }
    }

    private static HostAnnouncement? TryDecodeHost(byte[] entry)
    {
        try
        {
            return HostAnnouncement.TryDecode(entry, out var host) && NetAddress.IsStdValid(host.NetAddress) ? host : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static Hash256 Genesis(SqliteTransaction transaction)
    {
        using var select = transaction.Connection!.Command(transaction, "SELECT id FROM chain_blocks WHERE height = 0");
        return select.ExecuteScalar() is byte[] id ? new Hash256(id) : throw new InvalidOperationException("the follower applied a block above 0 before block 0");
    }

    private void Remember(SqliteTransaction transaction, ScanTally tally)
    {
        lock (_lock)
        {
            // A different transaction means the previous one rolled back: its counts never happened.
            if (!ReferenceEquals(transaction, _uncommittedIn))
            {
                _uncommitted.Clear();
                _uncommittedIn = transaction;
            }

            _uncommitted.Add(tally);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped arbitrary-data entry ({Reason}) at height {Height}, transaction {TransactionId}, entry {EntryIndex}: {Detail}")]
    private static partial void LogSkipped(ILogger logger, string reason, ulong height, string transactionId, int entryIndex, string detail);
}
