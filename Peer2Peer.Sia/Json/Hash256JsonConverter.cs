using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Json;

public sealed class Hash256JsonConverter : StringValueJsonConverter<Hash256>
{
    protected override string Describe => "hash";

    protected override bool TryParse(string text, out Hash256 value, out string? error)
    {
        error = Hash256.TryParse(text, null, out value) ? null : "encoded value has the wrong length to be a hash";
        return error is null;
    }

    protected override string Format(Hash256 value) => value.ToString();
}
