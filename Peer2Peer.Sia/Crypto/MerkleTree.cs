using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Crypto;

/// <summary>
/// NebulousLabs' Merkle tree over BLAKE2b (SIAD.md §5.2): leaves H(0x00||data), nodes H(0x01||l||r),
/// equal-height subtrees merged as they appear, the rest folded from the right.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<(Hash256 Hash, int Height)> _stack = [];
    private readonly byte[] _nodeBuffer = new byte[1 + 2 * Hash256.Size];
    private byte[] _leafBuffer = new byte[256];

    public int LeafCount { get; private set; }

    public void AddLeaf(ReadOnlySpan<byte> data)
    {
        if (_leafBuffer.Length < data.Length + 1)
        {
            _leafBuffer = new byte[Math.Max(data.Length + 1, _leafBuffer.Length * 2)];
        }

        _leafBuffer[0] = 0x00;
        data.CopyTo(_leafBuffer.AsSpan(1));
        var hash = Blake2b.Hash(_leafBuffer.AsSpan(0, data.Length + 1));
        LeafCount++;

        var height = 0;
        while (_stack.Count > 0 && _stack[^1].Height == height)
        {
            hash = Node(_stack[^1].Hash, hash);
            _stack.RemoveAt(_stack.Count - 1);
            height++;
        }

        _stack.Add((hash, height));
    }

    public Hash256 Root()
    {
        if (_stack.Count == 0)
        {
            return default;
        }

        var root = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            root = Node(_stack[i].Hash, root);
        }

        return root;
    }

    private Hash256 Node(Hash256 left, Hash256 right)
    {
        _nodeBuffer[0] = 0x01;
        left.CopyTo(_nodeBuffer.AsSpan(1));
        right.CopyTo(_nodeBuffer.AsSpan(1 + Hash256.Size));
        return Blake2b.Hash(_nodeBuffer);
    }
}
