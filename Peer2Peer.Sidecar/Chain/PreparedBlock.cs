using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>A fetched block with what each subscriber's <see cref="IChainSubscriber.Prepare"/> returned for it, in subscriber order.</summary>
internal sealed record PreparedBlock(ChainBlock Block, object?[] Prepared)
{
    public static PreparedBlock Of(ChainBlock block, IChainSubscriber[] subscribers)
    {
        var prepared = new object?[subscribers.Length];
        for (var i = 0; i < subscribers.Length; i++)
        {
            prepared[i] = subscribers[i].Prepare(block);
        }

        return new PreparedBlock(block, prepared);
    }
}
