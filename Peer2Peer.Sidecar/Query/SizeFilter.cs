namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// <see cref="ProviderQuery.SizeMatches"/> over <see cref="SearchColumns"/>: the query's location and size name turned
/// into the snapshot's numbers once (one the snapshot does not know matches nothing), then integer comparisons per size.
/// </summary>
internal readonly struct SizeFilter(bool canMatch, int location, int name, ulong minVcpus, ulong minMemoryMiB, UInt128 maxPrice)
{
    /// <summary>False when the location or size name appears in no size of the snapshot.</summary>
    public bool CanMatch { get; } = canMatch;

    public static SizeFilter For(SearchColumns columns, ProviderQuery query)
    {
        var location = -1;
        var name = -1;
        var canMatch = (query.Location is null || columns.Locations.TryGetValue(query.Location, out location))
            && (query.SizeName is null || columns.Names.TryGetValue(query.SizeName, out name));
        return new SizeFilter(canMatch, query.Location is null ? -1 : location, query.SizeName is null ? -1 : name,
            query.MinVcpus, query.MinMemoryMiB, query.MaxPricePerHour?.Hastings ?? UInt128.MaxValue);
    }

    /// <summary>The row of provider <paramref name="provider"/>'s cheapest matching size (the first of equals), or -1.</summary>
    public int Cheapest(SearchColumns columns, int provider)
    {
        var best = -1;
        var end = columns.SizeStart[provider + 1];
        for (var row = columns.SizeStart[provider]; row < end; row++)
        {
            if ((location < 0 || columns.SizeLocation[row] == location)
                && columns.Vcpus[row] >= minVcpus
                && columns.MemoryMiB[row] >= minMemoryMiB
                && (name < 0 || columns.SizeName[row] == name)
                && columns.Price[row] <= maxPrice
                && (best < 0 || columns.Price[row] < columns.Price[best]))
            {
                best = row;
            }
        }

        return best;
    }
}
