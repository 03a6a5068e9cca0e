using NSec.Cryptography;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Crypto;

/// <summary>Ed25519 (RFC 8032, pure) as Sia uses it: 32-byte seeds, 32-byte public keys, 64-byte signatures.</summary>
public static class Ed25519
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static Key ImportSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes, got {seed.Length}", nameof(seed));
        }

        return Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
    }

    public static byte[] PublicKeyOf(Key key) => key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    public static byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        using var key = ImportSeed(seed);
        return PublicKeyOf(key);
    }

    public static Signature Sign(Key key, ReadOnlySpan<byte> message)
    {
        Span<byte> signature = stackalloc byte[SignatureSize];
        Algorithm.Sign(key, message, signature);
        return new Signature(signature);
    }

    /// <summary>False for a wrong signature and for a malformed key or signature; never throws.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        if (!NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return Algorithm.Verify(key, message, signature);
    }
}
