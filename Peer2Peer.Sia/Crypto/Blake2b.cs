using NSec.Cryptography;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Crypto;

/// <summary>BLAKE2b-256, unkeyed: Sia's only hash (SIAD.md §5.1).</summary>
public static class Blake2b
{
    private static readonly HashAlgorithm Algorithm = HashAlgorithm.Blake2b_256;

    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        Algorithm.Hash(data, digest);
        return new Hash256(digest);
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest) => Algorithm.Hash(data, digest);
}
