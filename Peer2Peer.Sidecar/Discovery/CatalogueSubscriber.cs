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
    private readonly List<(ulong Height, ScanTally Tally)> _uncommittedBlocks = [];
    private SqliteTransaction? _uncommittedIn;
    private Hash256? _genesis;

    /// <summary>Decoding and signature checks, the bulk of the scan's CPU, run beside the fetches instead of on the apply loop.</summary>
    public object? Prepare(ChainBlock block) => DecodedBlock.Of(block);

    public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
    {
        if (block.Height == 0)
        {
            _genesis = block.Id;
        }

        // The network an offer must name is this chain's genesis block ID (docs/ANNOUNCEMENT.md).
        var network = _genesis ??= Genesis(transaction);
        var decoded = prepared as DecodedBlock ?? DecodedBlock.Of(block);
        var tally = new ScanTally();
        tally.Skip(ScanTally.Foreign, decoded.Foreign);
        foreach (var entry in decoded.Entries)
        {
            Scan(entry, network, transaction, tally);
        }

        Remember(transaction, tally, block.Height);
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

        Remember(transaction, new ScanTally(), height: null);
    }

    /// <summary>The batch's skip counts, kept per block until now, go to the database in a few statements.</summary>
    public void BeforeCommit(SqliteTransaction transaction)
    {
        lock (_lock)
        {
            if (ReferenceEquals(transaction, _uncommittedIn))
            {
                ScanCountRepository.Record(transaction, _uncommittedBlocks);
                _uncommittedBlocks.Clear();
            }
        }
    }

    /// <summary>Counts reach the metrics only once their block is committed (a rolled-back batch is applied again).</summary>
    public void Committed()
    {
        lock (_lock)
        {
            metrics.Publish(_uncommitted);
            _uncommitted.Clear();
            _uncommittedBlocks.Clear();
            _uncommittedIn = null;
            changes.Bump();
        }
    }

    private void Scan(DecodedEntry entry, Hash256 network, SqliteTransaction transaction, ScanTally tally)
    {
        if (entry.Offer is null)
        {
            if (entry.Host is { } host)
            {
                HostRepository.Record(transaction, host, entry.Position);
                tally.Accept();
            }
            else
            {
                Skip(tally, ScanTally.InvalidHostAnnouncement, null, entry.Position);
            }

            return;
        }

        var result = AnnouncementCodec.InNetwork(entry.Offer, network);
        if (result.Announcement is not { } announcement)
        {
            Skip(tally, (result.Rejection ?? AnnouncementRejection.Malformed).ToString(), result.Detail, entry.Position);
        }
        else if (CatalogueLimits.Problem(announcement) is { } problem)
        {
            Skip(tally, nameof(AnnouncementRejection.InvalidValue), problem, entry.Position);
        }
        else if (ProviderRepository.Accept(transaction, announcement, entry.Data, entry.Position))
        {
            tally.Accept();
        }
        else
        {
            Skip(tally, ScanTally.Stale, $"sequence {announcement.Sequence} of {announcement.ProviderKey} is not above the current one", entry.Position);
        }
    }

    private void Skip(ScanTally tally, string reason, string? detail, EntryPosition position)
    {
        tally.Skip(reason);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogSkipped(logger, reason, position.Height, position.TransactionId.ToString(), position.EntryIndex, detail ?? "");
        }
    }

    private static Hash256 Genesis(SqliteTransaction transaction)
    {
        using var select = transaction.Connection!.Command(transaction, "SELECT id FROM chain_blocks WHERE height = 0");
        return select.ExecuteScalar() is byte[] id ? new Hash256(id) : throw new InvalidOperationException("the follower applied a block above 0 before block 0");
    }

    /// <summary>Keeps a block's counts for the metrics and, when it was applied (<paramref name="height"/>), for <see cref="BeforeCommit"/>.</summary>
    private void Remember(SqliteTransaction transaction, ScanTally tally, ulong? height)
    {
        lock (_lock)
        {
            // A different transaction means the previous one rolled back: its counts never happened.
            if (!ReferenceEquals(transaction, _uncommittedIn))
            {
                _uncommitted.Clear();
                _uncommittedBlocks.Clear();
                _uncommittedIn = transaction;
            }

            _uncommitted.Add(tally);
            if (height is { } applied)
            {
                _uncommittedBlocks.Add((applied, tally));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped arbitrary-data entry ({Reason}) at height {Height}, transaction {TransactionId}, entry {EntryIndex}: {Detail}")]
    private static partial void LogSkipped(ILogger logger, string reason, ulong height, string transactionId, int entryIndex, string detail);
}
