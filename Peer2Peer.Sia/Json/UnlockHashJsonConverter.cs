using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Json;

public sealed class UnlockHashJsonConverter : StringValueJsonConverter<UnlockHash>
{
    protected override string Describe => "address";

    protected override bool TryParse(string text, out UnlockHash value, out string? error) =>
        UnlockHash.TryParse(text, out value, out error);

    protected override string Format(UnlockHash value) => value.ToString();
}
