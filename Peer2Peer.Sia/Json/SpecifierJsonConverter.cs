using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Json;

public sealed class SpecifierJsonConverter : StringValueJsonConverter<Specifier>
{
    protected override string Describe => "specifier";

    protected override bool TryParse(string text, out Specifier value, out string? error)
    {
        value = default;
        if (text.Length > Specifier.Size || text.Any(c => c > 0x7f))
        {
            error = $"a specifier is at most {Specifier.Size} ASCII characters";
            return false;
        }

        value = Specifier.FromName(text);
        error = null;
        return true;
    }

    protected override string Format(Specifier value) => value.Name;
}
