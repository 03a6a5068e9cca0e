using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Chain;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

[Category("Devnet")]
public sealed class GenesisTests
{
    [Test]
    public void Genesis133MatchesRealDevChain() =>
        Assert.That(Genesis.For(SiadProfile.V133).Id.ToString(), Is.EqualTo("6581df2b1dae4ab8755cc2092ee438555ee1c705ecc34743d853c5d625c522c4"));

    [Test]
    public void Genesis159MatchesRealDevChain() =>
        Assert.That(Genesis.For(SiadProfile.V159).Id.ToString(), Is.EqualTo("2f4ada24f031824d750c594cfb72427211b98671db581b83cb4f2113d71c79bd"));
}
