using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>The 1.3.3 profile accepts every block of the chain captured from a real siad 1.3.3, through the same validation as mined blocks.</summary>
[Category("Devnet")]
public sealed class FixtureChainReplayTests
{
    internal static IReadOnlyList<Block> FixtureBlocks() =>
        File.ReadLines(TestPaths.Fixture("siad-1.3.3/blocks.jsonl")).Where(l => l.Length > 0).Select(SiaJson.Deserialize<Block>).ToArray();

    [Test]
    public void AcceptsEveryBlockOfTheRealChain()
    {
        var blocks = FixtureBlocks();
        var chain = new ChainState(SiadProfile.V133, blocks[0]);
        Assert.That(chain.TipId, Is.EqualTo(Genesis.For(SiadProfile.V133).Id));
        foreach (var block in blocks.Skip(1))
        {
            Assert.DoesNotThrow(() => chain.ApplyBlock(block), $"block {chain.Height + 1}");
        }

        Assert.That(chain.Height, Is.EqualTo(111UL));
        Assert.That(chain.TipId.ToString(), Is.EqualTo("0000018e9520f8de2d0cd46da3d41740173bbd2dd52fbb721ba7fab7eafff127"));
    }

    [Test]
    public void RevertingTheWholeChainRestoresGenesisState()
    {
        var blocks = FixtureBlocks();
        var chain = new ChainState(SiadProfile.V133, blocks[0]);
        var genesisOutputs = chain.SiafundOutputs.Count;
        foreach (var block in blocks.Skip(1))
        {
            chain.ApplyBlock(block);
        }

        while (chain.Height > 0)
        {
            chain.RevertTip();
        }

        Assert.That(chain.SiacoinOutputs, Is.Empty);
        Assert.That(chain.FileContracts, Is.Empty);
        Assert.That(chain.SiafundOutputs, Has.Count.EqualTo(genesisOutputs));
        Assert.That(chain.SiafundPool, Is.EqualTo(Currency.Zero));
        Assert.That(chain.DelayedOutputs, Is.Empty);

        foreach (var block in blocks.Skip(1))
        {
            chain.ApplyBlock(block);
        }

        Assert.That(chain.Height, Is.EqualTo(111UL));
    }

    [Test]
    public void RefusesTheRealChainUnderThe159Rules()
    {
        var blocks = FixtureBlocks();
        var chain = new ChainState(SiadProfile.V159, blocks[0]);
        var error = Assert.Throws<ConsensusException>(() =>
        {
            foreach (var block in blocks.Skip(1))
            {
                chain.ApplyBlock(block);
            }
        });
        Assert.That(error!.Message, Is.Not.Empty);
    }
}
