using System.Runtime.CompilerServices;

namespace Peer2Peer.Sia.Types;

[InlineArray(16)]
internal struct Bytes16
{
    private byte _element0;
}

[InlineArray(32)]
internal struct Bytes32
{
    private byte _element0;
}

[InlineArray(64)]
internal struct Bytes64
{
    private byte _element0;
}

internal static class Hex
{
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != destination.Length * 2)
        {
            return false;
        }

        return Convert.FromHexString(text, destination, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == destination.Length;
    }
}
