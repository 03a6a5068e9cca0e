using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Hosts;

/// <summary>One scan of a host: when, and whether the host answered.</summary>
public sealed record HostScan(DateTimeOffset Timestamp, bool Success);

/// <summary>A host learnt from an announcement on the chain.</summary>
public sealed class HostDbEntry(SiaPublicKey publicKey, string netAddress, ulong firstSeen)
{
    public SiaPublicKey PublicKey { get; } = publicKey;

    public string NetAddress { get; set; } = netAddress;

    public ulong FirstSeen { get; } = firstSeen;

    public List<HostScan> ScanHistory { get; } = [];
}

/// <summary>
/// The renter's host database, built the way siad's is (SIAD.md §7.5): every arbitrary-data entry of every applied block
/// that decodes to a correctly signed announcement. Reverted blocks do not remove hosts. A "scan" succeeds when the
/// announced key is one of the devnet's own hosts. Not thread-safe: <see cref="DevnetChain"/> locks.
/// </summary>
public sealed class HostDb(SiadProfile profile)
{
    private readonly Dictionary<string, HostDbEntry> _hosts = [];

    /// <summary>Who answers scans: returns true when the key belongs to a running devnet host.</summary>
    public Func<SiaPublicKey, bool> Scanner { get; set; } = _ => false;

    public IEnumerable<HostDbEntry> All => _hosts.Values.OrderBy(h => h.FirstSeen);

    public bool TryGet(string publicKeyString, out HostDbEntry? entry) => _hosts.TryGetValue(publicKeyString, out entry);

    public void ProcessBlock(Block block, ulong height, DateTimeOffset now)
    {
        foreach (var data in block.Transactions.SelectMany(t => t.ArbitraryData))
        {
            if (!HostAnnouncement.TryDecode(data, out var announcement)
                || NetAddress.StdValidError(announcement.NetAddress) is not null
                || (profile.Is133 && NetAddress.IsLoopback(announcement.NetAddress)))
            {
                continue;
            }

            var key = announcement.PublicKey.ToString();
            if (_hosts.TryGetValue(key, out var entry))
            {
                entry.NetAddress = announcement.NetAddress;
            }
            else
            {
                _hosts[key] = entry = new HostDbEntry(announcement.PublicKey, announcement.NetAddress, height);
            }

            entry.ScanHistory.Add(new HostScan(now, Scanner(announcement.PublicKey)));
        }
    }
}
