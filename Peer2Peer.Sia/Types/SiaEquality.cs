using Peer2Peer.Sia.Encoding;

namespace Peer2Peer.Sia.Types;

/// <summary>Value equality for composite Sia types: two values are equal when their encodings are.</summary>
internal static class SiaEquality
{
    public static bool Equal<T>(T? a, T? b) where T : class, ISiaObject<T> =>
        ReferenceEquals(a, b) || (a is not null && b is not null && SiaEncoding.Encode(a).AsSpan().SequenceEqual(SiaEncoding.Encode(b)));

    public static int HashCode<T>(T value) where T : ISiaObject<T> => Crypto.Blake2b.Hash(SiaEncoding.Encode(value)).GetHashCode();
}
