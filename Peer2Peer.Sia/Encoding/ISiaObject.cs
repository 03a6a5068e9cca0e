namespace Peer2Peer.Sia.Encoding;

/// <summary>A value with a Sia binary (v1) encoding.</summary>
public interface ISiaObject<TSelf> where TSelf : ISiaObject<TSelf>
{
    /// <summary>The fewest bytes any encoding of this type takes; list decoders use it to refuse counts the input cannot hold.</summary>
    static abstract int MinEncodedSize { get; }

    static abstract TSelf DecodeFrom(ref SiaDecoder decoder);

    void EncodeTo(SiaEncoder encoder);
}
