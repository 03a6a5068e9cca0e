using System.Net;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>The shape siad's hostdb requires of a host's NetAddress (SIAD.md §7.4, IsStdValid): host:port, port 1–65535.</summary>
internal static class NetAddress
{
    public static bool IsStdValid(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !ushort.TryParse(address.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port) || port == 0)
        {
            return false;
        }

        var host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && !v6.Equals(IPAddress.IPv6Any);
        }

        if (host.Contains(':'))
        {
            return false;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return !ip.Equals(IPAddress.Any);
        }

        if (host == "localhost")
        {
            return true;
        }

        host = host.EndsWith('.') ? host[..^1] : host;
        var labels = host.Split('.');
        return host.Length is >= 1 and <= 253 && labels.Length >= 2 && labels.All(IsLabel);
    }

    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
