using Peer2Peer.Sidecar.Discovery.Catalogue;

namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// The fields a search reads, copied out of a snapshot's provider objects into flat arrays (one row per provider, one
/// per size, sizes of provider <c>i</c> at <c>SizeStart[i]..SizeStart[i + 1]</c>): a search scans them sequentially
/// instead of chasing a few objects per provider, which at 100,000 providers is most of its cost. Locations and size
/// names are numbered, so a filter compares integers.
/// </summary>
public sealed class SearchColumns
{
    public SearchColumns(IReadOnlyList<ProviderView> providers)
    {
        var sizes = 0;
        for (var i = 0; i < providers.Count; i++)
        {
            sizes += providers[i].Sizes.Count;
        }

        Online = new bool[providers.Count];
        Probed = new bool[providers.Count];
        Uptime24h = new double[providers.Count];
        Announced = new ulong[providers.Count];
        SizeStart = new int[providers.Count + 1];
        SizeLocation = new int[sizes];
        SizeName = new int[sizes];
        Vcpus = new ulong[sizes];
        MemoryMiB = new ulong[sizes];
        Price = new UInt128[sizes];
        var row = 0;
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            Online[i] = provider.Online;
            Probed[i] = provider.Health is not null;
            Uptime24h[i] = provider.Health?.Uptime24h ?? -1;
            Announced[i] = provider.LastAnnouncedHeight;
            SizeStart[i] = row;
            for (var s = 0; s < provider.Sizes.Count; s++, row++)
            {
                var size = provider.Sizes[s];
                SizeLocation[row] = Number(Locations, size.Location);
                SizeName[row] = Number(Names, size.Name);
                Vcpus[row] = size.Vcpus;
                MemoryMiB[row] = size.MemoryMiB;
                Price[row] = size.PricePerHour.Hastings;
            }
        }

        SizeStart[providers.Count] = row;

        // Provider IDs in ordinal order and each provider's place in it: ties in a sort compare integers, not strings.
        SortedKeys = new string[providers.Count];
        var order = new int[providers.Count];
        for (var i = 0; i < providers.Count; i++)
        {
            SortedKeys[i] = providers[i].ProviderKey;
            order[i] = i;
        }

        Array.Sort(SortedKeys, order, StringComparer.Ordinal);
        KeyRank = new int[providers.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            KeyRank[order[rank]] = rank;
        }
    }

    /// <summary>Every provider ID, ordinal order.</summary>
    public string[] SortedKeys { get; }

    /// <summary>Each provider's index in <see cref="SortedKeys"/>.</summary>
    public int[] KeyRank { get; }

    /// <summary>How many provider IDs are ordinally at most <paramref name="key"/>: a provider's ID is above it exactly when its rank is at least this.</summary>
    public int RanksUpTo(string key)
    {
        int low = 0, high = SortedKeys.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(SortedKeys[middle], key) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Location codes, compared exactly.</summary>
    public Dictionary<string, int> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Size names, compared without case (as <see cref="ProviderQuery.SizeMatches"/> does).</summary>
    public Dictionary<string, int> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool[] Online { get; }

    public bool[] Probed { get; }

    /// <summary>-1 when never probed.</summary>
    public double[] Uptime24h { get; }

    public ulong[] Announced { get; }

    public int[] SizeStart { get; }

    public int[] SizeLocation { get; }

    public int[] SizeName { get; }

    public ulong[] Vcpus { get; }

    public ulong[] MemoryMiB { get; }

    public UInt128[] Price { get; }

    private static int Number(Dictionary<string, int> numbers, string value)
    {
        if (!numbers.TryGetValue(value, out var number))
        {
            number = numbers.Count;
            numbers[value] = number;
        }

        return number;
    }
}
