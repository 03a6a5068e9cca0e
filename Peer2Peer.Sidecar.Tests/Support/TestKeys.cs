using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>The keys of SIAD.md §11.3: A = seed 32×01, B = seed 32×02.</summary>
public static class TestKeys
{
    public static byte[] SeedA { get; } = Enumerable.Repeat((byte)1, 32).ToArray();

    public static byte[] SeedB { get; } = Enumerable.Repeat((byte)2, 32).ToArray();

    public static Key KeyA() => Ed25519.ImportSeed(SeedA);

    public static Key KeyB() => Ed25519.ImportSeed(SeedB);

    public static SiaPublicKey PublicA { get; } = SiaPublicKey.Ed25519(Ed25519.PublicKeyFromSeed(SeedA));

    public static SiaPublicKey PublicB { get; } = SiaPublicKey.Ed25519(Ed25519.PublicKeyFromSeed(SeedB));

    public static UnlockHash AddressA { get; } = UnlockConditions.Standard(PublicA).UnlockHash();

    public static UnlockHash AddressB { get; } = UnlockConditions.Standard(PublicB).UnlockHash();

    public static Hash256 Repeat(byte b) => new(Enumerable.Repeat(b, 32).ToArray());

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
