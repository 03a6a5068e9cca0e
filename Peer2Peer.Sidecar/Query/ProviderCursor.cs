using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// Where a page ends: the sort, the last item's sort value and its provider ID. Pages continue strictly after it, so
/// paging stays stable while providers are added or removed. Opaque to clients (base64url).
/// </summary>
public sealed record ProviderCursor(ProviderSortKey Sort, bool Descending, string Value, string ProviderId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"1|{(int)Sort}|{(Descending ? 1 : 0)}|{Value}|{ProviderId}"));

    public static bool TryDecode(string text, [NotNullWhen(true)] out ProviderCursor? cursor)
    {
        cursor = null;
        if (text.Length is 0 or > 1024)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            if (parts.Length != 5 || parts[0] != "1" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sort)
                || !Enum.IsDefined((ProviderSortKey)sort) || parts[2] is not ("0" or "1") || !parts[4].StartsWith("ed25519:", StringComparison.Ordinal))
            {
                return false;
            }

            cursor = new ProviderCursor((ProviderSortKey)sort, parts[2] == "1", parts[3], parts[4]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
