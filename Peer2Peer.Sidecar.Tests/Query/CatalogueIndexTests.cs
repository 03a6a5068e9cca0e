using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Tests.Query;

[Category("Unit")]
public sealed class CatalogueIndexTests
{
    /// <summary>An index whose second rebuild blocks until released; every rebuild "takes" <paramref name="rebuildTime"/> of fake time.</summary>
    private sealed class BlockingIndex
    {
        private readonly ManualResetEventSlim _release = new();
        private int _loads;

        public BlockingIndex(TimeSpan rebuildTime)
        {
            var time = new FakeTimeProvider();
            Index = new CatalogueIndex(null!, Changes, new CatalogueEventLog(time), time, NullLogger<CatalogueIndex>.Instance, version =>
            {
                if (Interlocked.Increment(ref _loads) == 2)
                {
                    SecondRebuildStarted.Set();
                    _release.Wait();
                }

                time.Advance(rebuildTime);
                return new CatalogueSnapshot(version, 0, []);
            });
        }

        public CatalogueChanges Changes { get; } = new();

        public CatalogueIndex Index { get; }

        public ManualResetEventSlim SecondRebuildStarted { get; } = new();

        public void Release() => _release.Set();

        /// <summary>Takes the first snapshot, changes the catalogue, and starts a rebuild that blocks until <see cref="Release"/>.</summary>
        public Task<CatalogueSnapshot> StartBlockedRebuild(CancellationToken cancellationToken)
        {
            Assert.That(Index.Current().Version, Is.EqualTo(0));
            Changes.Bump();
            var rebuilding = Task.Run(Index.Current, cancellationToken);
            SecondRebuildStarted.Wait(cancellationToken);
            return rebuilding;
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task WhereRebuildsTakeSecondsAReaderIsAnsweredFromThePreviousSnapshotMeanwhile(CancellationToken cancellationToken)
    {
        var index = new BlockingIndex(TimeSpan.FromSeconds(5));
        var rebuilding = index.StartBlockedRebuild(cancellationToken);

        var answer = Task.Run(index.Index.Current, cancellationToken);
        var answeredFirst = await Task.WhenAny(answer, Task.Delay(5_000, cancellationToken)) == answer;
        index.Release();

        Assert.That(answeredFirst, Is.True, "answered while the rebuild was blocked");
        Assert.That((await answer).Version, Is.EqualTo(0), "the previous snapshot, not a wait for the rebuild");
        Assert.That((await rebuilding).Version, Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task WhereRebuildsAreQuickAReaderWaitsForTheOneUnderWayAndSeesTheChange(CancellationToken cancellationToken)
    {
        var index = new BlockingIndex(TimeSpan.FromMilliseconds(5));
        var rebuilding = index.StartBlockedRebuild(cancellationToken);

        var answer = Task.Run(index.Index.Current, cancellationToken);

        // A reader answered from the previous snapshot would be done at once; this one must still be waiting.
        var answeredFirst = await Task.WhenAny(answer, Task.Delay(200, cancellationToken)) == answer;
        index.Release();

        Assert.That(answeredFirst, Is.False, "waited for the rebuild under way");
        Assert.That((await answer).Version, Is.EqualTo(1));
        Assert.That((await rebuilding).Version, Is.EqualTo(1));
    }
}
