using System.Diagnostics.CodeAnalysis;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sia.Types;

/// <summary>
/// Sia's standard host announcement (SIAD.md §7): Specifier "HostAnnouncement" || NetAddress || SiaPublicKey,
/// followed by a raw 64-byte Ed25519 signature of the hash of those bytes by the announced key.
/// </summary>
public sealed record HostAnnouncement(string NetAddress, SiaPublicKey PublicKey)
{
    /// <summary>siad refuses longer net addresses when decoding.</summary>
    public const int MaxNetAddressLength = 266;

    /// <summary>The signed arbitrary-data entry that announces this host.</summary>
    public byte[] Sign(Key hostKey)
    {
        var encoder = new SiaEncoder();
        EncodeUnsigned(encoder);
        var message = Blake2b.Hash(encoder.WrittenSpan).ToArray();
        Ed25519.Sign(hostKey, message).EncodeTo(encoder);
        return encoder.ToArray();
    }

    /// <summary>
    /// Decodes and verifies an arbitrary-data entry the way siad's hostdb does: bytes after the signature are
    /// ignored, anything malformed, non-Ed25519 or wrongly signed is not an announcement.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> entry, [NotNullWhen(true)] out HostAnnouncement? announcement)
    {
        announcement = null;
        if (!Specifier.HostAnnouncement.Matches(entry))
        {
            return false;
        }

        try
        {
            var decoder = new SiaDecoder(entry);
            _ = Specifier.DecodeFrom(ref decoder);
            var netAddress = decoder.ReadString(MaxNetAddressLength);
            var publicKey = SiaPublicKey.DecodeFrom(ref decoder);
            var signedLength = decoder.Position;
            var signature = decoder.ReadFixed(Ed25519.SignatureSize);
            if (!publicKey.IsEd25519)
            {
                return false;
            }

            var hash = Blake2b.Hash(entry[..signedLength]).ToArray();
            if (!Ed25519.Verify(publicKey.Key.Span, hash, signature))
            {
                return false;
            }

            announcement = new HostAnnouncement(netAddress, publicKey);
            return true;
        }
        catch (SiaDecodingException)
        {
            return false;
        }
    }

    private void EncodeUnsigned(SiaEncoder encoder)
    {
        Specifier.HostAnnouncement.EncodeTo(encoder);
        encoder.WriteString(NetAddress);
        PublicKey.EncodeTo(encoder);
    }
}
