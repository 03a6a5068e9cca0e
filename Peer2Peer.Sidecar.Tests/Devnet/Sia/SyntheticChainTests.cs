using System.Diagnostics;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Devnet.Sia.Synthetic;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

[Category("Devnet")]
public sealed class SyntheticChainTests
{
    [Test]
    [CancelAfter(60_000)]
    public void GrowsAValidChainWithTransfersAnnouncementsAndPayloads()
    {
        var chain = new DevnetChain(SiadProfile.V159);
        new SyntheticChain(chain).Append(2_000);
        Assert.That(chain.Height, Is.EqualTo(2_000UL));
        var transactions = chain.Read(c => Enumerable.Range(1, 2_000).SelectMany(h => c.State.BlockAt((ulong)h).Transactions).ToArray());
        Assert.That(transactions.Count(t => t.SiacoinInputs.Count > 0), Is.GreaterThan(1_900));
        Assert.That(chain.Read(c => c.HostDb.All.Count()), Is.GreaterThan(5));
        Assert.That(transactions.SelectMany(t => t.ArbitraryData).Count(d => d.Length > 100 && Specifier.NonSia.Matches(d)), Is.EqualTo(4), "every 250th block that is not an announcement block");
    }

    [Test]
    [Explicit("benchmark: 100,000 blocks")]
    [Category("Benchmark")]
    [CancelAfter(120_000)]
    public void Generates100kBlocksWellUnderAMinute()
    {
        var chain = new DevnetChain(SiadProfile.V159);
        var watch = Stopwatch.StartNew();
        new SyntheticChain(chain).Append(100_000);
        watch.Stop();
        TestContext.Out.WriteLine($"100,000 blocks in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.That(chain.Height, Is.EqualTo(100_000UL));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }
}
