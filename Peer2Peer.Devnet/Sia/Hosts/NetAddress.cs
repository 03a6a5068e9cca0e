using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Peer2Peer.Devnet.Sia.Hosts;

/// <summary>siad's NetAddress checks (SIAD.md §7.4), without DNS lookups.</summary>
public static class NetAddress
{
    /// <summary>IsStdValid: host:port, port 1–65535, a loopback, a specified IP literal or a hostname of at least two labels.</summary>
    public static string? StdValidError(string address)
    {
        if (!TrySplit(address, out var host, out var port))
        {
            return "missing port in address";
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber) || portNumber is < 1 or > 65535)
        {
            return "port is invalid";
        }

        if (IsLoopbackHost(host))
        {
            return null;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) ? "host is an unspecified address" : null;
        }

        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Length is < 1 or > 253)
        {
            return "host has an invalid length";
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return "host is missing a top-level domain";
        }

        return labels.All(ValidLabel) ? null : "host contains an invalid label";
    }

    /// <summary>Loopback or a private/link-local range (1.3.x knows fewer ranges).</summary>
    public static bool IsLocal(string address, bool siad133)
    {
        if (!TrySplit(address, out var host, out _))
        {
            return false;
        }

        if (IsLoopbackHost(host))
        {
            return true;
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            return false;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.GetAddressBytes()[0] == 0xfd;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168)
            || (!siad133 && ((b[0] == 100 && (b[1] & 0xc0) == 64) || (b[0] == 169 && b[1] == 254)));
    }

    public static bool IsLoopback(string address) => TrySplit(address, out var host, out _) && IsLoopbackHost(host);

    private static bool IsLoopbackHost(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static bool ValidLabel(string label) =>
        label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool TrySplit(string address, out string host, out string port)
    {
        host = port = "";
        if (address.StartsWith('['))
        {
            var close = address.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = address[1..close];
            port = address[(close + 2)..];
            return host.Contains(':');
        }

        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.IndexOf(':') != colon)
        {
            return false;
        }

        host = address[..colon];
        port = address[(colon + 1)..];
        return true;
    }
}
