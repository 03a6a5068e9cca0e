using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Chain;

[Category("Unit")]
public sealed class ChainFollowerTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    /// <summary>Keeps, in the follower's own transaction, the list of blocks it holds applied.</summary>
    private sealed class RecordingSubscriber : IChainSubscriber
    {
        public List<string> Calls { get; } = [];

        public int FailAtHeight { get; set; } = -1;

        public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
        {
            if ((int)block.Height == FailAtHeight)
            {
                throw new InvalidOperationException("injected failure");
            }

            using var create = transaction.Connection!.Command(transaction, "CREATE TABLE IF NOT EXISTS applied (height INTEGER PRIMARY KEY, id BLOB)");
            create.ExecuteNonQuery();
            using var insert = transaction.Connection!.Command(transaction, "INSERT INTO applied VALUES ($h, $id)", ("$h", (long)block.Height), ("$id", block.Id.ToBlob()));
            insert.ExecuteNonQuery();
            Calls.Add($"+{block.Height}");
        }

        public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction)
        {
            using var delete = transaction.Connection!.Command(transaction, "DELETE FROM applied WHERE height = $h AND id = $id", ("$h", (long)height), ("$id", blockId.ToBlob()));
            Assert.That(delete.ExecuteNonQuery(), Is.EqualTo(1), $"revert of {height} must undo exactly its apply");
            Calls.Add($"-{height}");
        }

        public static List<(long, string)> State(SidecarDatabase database)
        {
            using var connection = database.Open();
            using var query = connection.Command(null, "SELECT height, hex(id) FROM applied ORDER BY height");
            using var reader = query.ExecuteReader();
            var rows = new List<(long, string)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            return rows;
        }
    }

    [Test]
    public async Task InitialSyncAppliesEveryBlockInOrderAndCheckpointsTheTip()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 450);
        var subscriber = new RecordingSubscriber();
        var follower = host.Follower(siad, [subscriber], batchSize: 100);

        await follower.SyncOnceAsync(CancellationToken.None);

        Assert.That(subscriber.Calls, Is.EqualTo(Enumerable.Range(0, 450).Select(h => $"+{h}")));
        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(449));
        Assert.That(follower.Status.CheckpointId, Is.EqualTo(siad.Chain[^1].Id));
        Assert.That(follower.Status.State, Is.EqualTo(SyncState.Synced));
        Assert.That(follower.Status.Percent, Is.EqualTo(100));
    }

    [Test]
    public async Task AReorganizationRevertsTheOrphanedBlocksNewestFirstThenAppliesTheNewBranch()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 20);
        var subscriber = new RecordingSubscriber();
        var follower = host.Follower(siad, [subscriber]);
        await follower.SyncOnceAsync(CancellationToken.None);
        subscriber.Calls.Clear();

        siad.Rewind(3);
        siad.Extend(4);
        await follower.SyncOnceAsync(CancellationToken.None);

        Assert.That(subscriber.Calls, Is.EqualTo(new[] { "-19", "-18", "-17", "+17", "+18", "+19", "+20" }));
        Assert.That(follower.Status.CheckpointId, Is.EqualTo(siad.Chain[^1].Id));
        Assert.That(follower.Status.Reorganizations, Is.EqualTo(1));
        Assert.That(follower.Status.RevertedBlocks, Is.EqualTo(3));
    }

    [Test]
    public async Task AReorganizationToAShorterChainIsFollowed()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 20);
        var subscriber = new RecordingSubscriber();
        var follower = host.Follower(siad, [subscriber]);
        await follower.SyncOnceAsync(CancellationToken.None);

        siad.Rewind(5);
        siad.Extend(2);
        await follower.SyncOnceAsync(CancellationToken.None);

        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(16));
        Assert.That(RecordingSubscriber.State(host.Database).Select(r => r.Item2),
            Is.EqualTo(siad.Chain.Select(b => b.Id.ToString().ToUpperInvariant())));
    }

    [Test]
    public async Task AFailingSubscriberCommitsNothingOfItsBatch()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 30);
        var subscriber = new RecordingSubscriber { FailAtHeight = 25 };
        var follower = host.Follower(siad, [subscriber], batchSize: 10);

        Assert.ThrowsAsync<InvalidOperationException>(async () => await follower.SyncOnceAsync(CancellationToken.None));

        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(19), "batches 0-9 and 10-19 committed, 20-29 rolled back");
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(20));

        subscriber.FailAtHeight = -1;
        await follower.SyncOnceAsync(CancellationToken.None);
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(30));
    }

    [Test]
    public async Task RequestsInFlightNeverExceedTheFetchConcurrencyAndBlocksStillApplyInOrder()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 300);
        var inFlight = 0;
        var most = 0;
        siad.BeforeBlock = async (_, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
        };
        var subscriber = new RecordingSubscriber();
        var follower = host.Follower(siad, [subscriber], batchSize: 50);

        await follower.SyncOnceAsync(CancellationToken.None);

        Assert.That(subscriber.Calls, Is.EqualTo(Enumerable.Range(0, 300).Select(h => $"+{h}")));
        Assert.That(most, Is.InRange(1, 4), "ChainTestHost's follower allows 4 requests in flight");
    }

    [Test]
    public async Task ASlowBlockCommitsWhatIsAppliedInsteadOfHoldingTheWriteLock()
    {
        using var host = new ChainTestHost();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var siad = new FakeSiadClient(blocks: 50);
        var slowBlock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        siad.BeforeBlock = (height, _) => height == 30 ? slowBlock.Task : Task.CompletedTask;
        var committed = new TaskCompletionSource<ulong?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var follower = host.Follower(siad, [new RecordingSubscriber()], batchSize: 200, time: time);
        follower.CheckpointChanged += point => committed.TrySetResult(point?.Height);

        var sync = follower.SyncOnceAsync(CancellationToken.None);
        // Blocks 0-29 are applied in one open batch; block 30 does not come. Once the batch has waited long enough,
        // it commits without block 30, so other writers (prober, publisher) are not kept waiting on siad.
        for (var step = 0; step < 500 && !committed.Task.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(committed.Task, Task.Delay(10));
        }

        Assert.That(committed.Task.IsCompleted, Is.True, "nothing was committed while block 30 was awaited");
        Assert.That(await committed.Task, Is.EqualTo(29));
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(30), "visible to another connection");
        Assert.That(sync.IsCompleted, Is.False, "still waiting for block 30");

        slowBlock.SetResult();
        await sync;
        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(49));
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(50));
    }

    [Test]
    public async Task ASiadThatFailsMidSyncKeepsTheBlocksAppliedBeforeTheFailure()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 40);
        siad.BeforeBlock = (height, _) => height == 25 ? Task.FromException(new SiadUnreachableException("connection refused", null)) : Task.CompletedTask;
        var subscriber = new RecordingSubscriber();
        var follower = host.Follower(siad, [subscriber], batchSize: 200);

        Assert.ThrowsAsync<SiadUnreachableException>(async () => await follower.SyncOnceAsync(CancellationToken.None));
        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(24), "the 25 blocks before the failure are consistent and kept");
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(25));

        siad.BeforeBlock = null;
        await follower.SyncOnceAsync(CancellationToken.None);
        Assert.That(subscriber.Calls.Skip(25), Is.EqualTo(Enumerable.Range(25, 15).Select(h => $"+{h}")), "resumed where it stopped");
    }

    /// <summary>Tags each block in <see cref="Prepare"/> and checks in <see cref="Apply"/> that the tag of the same block arrives.</summary>
    private sealed class PreparingSubscriber : IChainSubscriber
    {
        private readonly ManualResetEventSlim _secondPrepared = new();

        public List<string> Wrong { get; } = [];

        public bool SecondPreparedWhileFirstApplied { get; private set; }

        public int FailPrepareAtHeight { get; set; } = -1;

        public object? Prepare(ChainBlock block)
        {
            if ((int)block.Height == FailPrepareAtHeight)
            {
                throw new InvalidOperationException("injected failure");
            }

            if (block.Height == 1)
            {
                _secondPrepared.Set();
            }

            return block.Id;
        }

        public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
        {
            if (prepared is not Hash256 id || id != block.Id)
            {
                Wrong.Add($"block {block.Height} got {prepared ?? "null"}");
            }

            if (block.Height == 0)
            {
                // Were preparation on the apply loop, block 1 could not be prepared while block 0 is still being applied.
                SecondPreparedWhileFirstApplied = _secondPrepared.Wait(TimeSpan.FromSeconds(10));
            }
        }

        public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction)
        {
        }
    }

    [Test]
    public async Task EachBlockIsPreparedBesideTheApplyLoopAndItsPreparationReachesItsApply()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 120);
        siad.BeforeBlock = async (_, _) => await Task.Yield();
        var preparing = new PreparingSubscriber();
        var recording = new RecordingSubscriber();
        var follower = host.Follower(siad, [preparing, recording], batchSize: 50);

        await follower.SyncOnceAsync(CancellationToken.None);

        Assert.That(preparing.Wrong, Is.Empty);
        Assert.That(preparing.SecondPreparedWhileFirstApplied, Is.True);
        Assert.That(recording.Calls, Is.EqualTo(Enumerable.Range(0, 120).Select(h => $"+{h}")), "a subscriber without Prepare gets every block too");
    }

    [Test]
    public async Task AFailingPreparationStopsTheSyncAfterTheBlocksBeforeIt()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 40);
        var preparing = new PreparingSubscriber { FailPrepareAtHeight = 25 };
        var recording = new RecordingSubscriber();
        var follower = host.Follower(siad, [preparing, recording], batchSize: 200);

        Assert.ThrowsAsync<InvalidOperationException>(async () => await follower.SyncOnceAsync(CancellationToken.None));
        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(24));
        Assert.That(RecordingSubscriber.State(host.Database), Has.Count.EqualTo(25));

        preparing.FailPrepareAtHeight = -1;
        await follower.SyncOnceAsync(CancellationToken.None);
        Assert.That(follower.Status.CheckpointHeight, Is.EqualTo(39));
        Assert.That(preparing.Wrong, Is.Empty);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    [Test]
    public async Task AfterAnySequenceOfExtensionsAndReorganizationsStateEqualsAFreshScan()
    {
        var random = new Random(Seed);
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 5);
        var follower = host.Follower(siad, [new RecordingSubscriber()], batchSize: 7);

        for (var round = 0; round < 40; round++)
        {
            if (random.Next(3) == 0 && siad.TipHeight > 4)
            {
                siad.Rewind(random.Next(1, Math.Min(6, (int)siad.TipHeight)));
            }

            siad.Extend(random.Next(0, 12));
            if (random.Next(2) == 0)
            {
                await follower.SyncOnceAsync(CancellationToken.None);
            }
        }

        await follower.SyncOnceAsync(CancellationToken.None);
        using var fresh = new ChainTestHost();
        await fresh.Follower(siad, [new RecordingSubscriber()]).SyncOnceAsync(CancellationToken.None);

        Assert.That(RecordingSubscriber.State(host.Database), Is.EqualTo(RecordingSubscriber.State(fresh.Database)), $"seed {Seed}");
    }

    [Test]
    public async Task ARestartResumesFromTheCheckpoint()
    {
        using var host = new ChainTestHost();
        var siad = new FakeSiadClient(blocks: 10);
        await host.Follower(siad, [new RecordingSubscriber()]).SyncOnceAsync(CancellationToken.None);
        siad.Extend(5);

        var restarted = new RecordingSubscriber();
        await host.Follower(siad, [restarted]).SyncOnceAsync(CancellationToken.None);

        Assert.That(restarted.Calls, Is.EqualTo(Enumerable.Range(10, 5).Select(h => $"+{h}")));
    }

    [Test]
    public void TheSchemaScriptsAreEmbeddedAndNumbered()
    {
        var scripts = DatabaseMigrator.Scripts();

        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts.Select(s => s.Id), Is.Ordered.And.Unique);
        Assert.That(scripts[0].Id, Is.EqualTo(1));
    }
}
