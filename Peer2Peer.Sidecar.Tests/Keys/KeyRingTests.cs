using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Keys;

[Category("Unit")]
public sealed class KeyRingTests
{
    private static KeyRing Ring(string directory) => new(Options.Create(new SidecarOptions { DataDirectory = directory }));

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void TheSeedIsCreatedOwnerOnlyAndTheSameKeysComeBackAfterARestart()
    {
        using var directory = new TempDirectory();
        var data = Path.Combine(directory.Path, "data");

        using var first = Ring(data);
        var identity = first.IdentityPublicKey;
        var address = first.FundingAddress;
        using var second = Ring(data);

        Assert.That(second.IdentityPublicKey, Is.EqualTo(identity));
        Assert.That(second.FundingAddress, Is.EqualTo(address));
        Assert.That(File.GetUnixFileMode(Path.Combine(data, MasterSeed.FileName)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(data), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void DerivationFollowsDocsKeysMd()
    {
        // docs/KEYS.md: seed = BLAKE2b-256(master || "peer2peer/<purpose>" || u64le(index)).
        var master = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] expected = [.. master, .. "peer2peer/channel"u8, 7, 0, 0, 0, 0, 0, 0, 0];

        Assert.That(KeyRing.DeriveSeed(master, KeyPurpose.Channel, 7), Is.EqualTo(Blake2b.Hash(expected).ToArray()));
        Assert.That(KeyRing.DeriveSeed(master, KeyPurpose.Identity, 0), Is.Not.EqualTo(KeyRing.DeriveSeed(master, KeyPurpose.Funding, 0)));
        Assert.That(KeyRing.DeriveSeed(master, KeyPurpose.Channel, 0), Is.Not.EqualTo(KeyRing.DeriveSeed(master, KeyPurpose.Channel, 1)));
    }

    [TestCase("garbage")]
    [TestCase("p2p-seed-v1:0000000000000000000000000000000000000000000000000000000000000000:00000000")]
    [TestCase("")]
    public void ACorruptSeedStopsTheStartAndIsNeverReplaced(string contents)
    {
        using var directory = new TempDirectory();
        var seedFile = Path.Combine(directory.Path, MasterSeed.FileName);
        File.WriteAllText(seedFile, contents);

        var error = Assert.Throws<StartupException>(() => Ring(directory.Path).EnsureLoaded());

        Assert.That(error!.Message, Does.Contain("corrupt").And.Contain(seedFile));
        Assert.That(File.ReadAllText(seedFile), Is.EqualTo(contents), "the seed file is left for the operator");
    }

    [Test]
    public void TheSeedFormatRoundTripsAndItsChecksumCatchesOneFlippedDigit()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var text = MasterSeed.Format(seed);
        var flipped = text[..20] + (text[20] == 'a' ? 'b' : 'a') + text[21..];

        Assert.That(MasterSeed.Parse(text), Is.EqualTo(seed));
        Assert.That(MasterSeed.Parse(flipped), Is.Null);
    }
}
