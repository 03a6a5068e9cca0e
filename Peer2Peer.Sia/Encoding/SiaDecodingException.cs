namespace Peer2Peer.Sia.Encoding;

/// <summary>Input that is not a valid Sia encoding: truncated, oversized, malformed or followed by trailing bytes.</summary>
public sealed class SiaDecodingException(string message, int position) : Exception($"{message} (at byte {position})")
{
    public int Position { get; } = position;
}
