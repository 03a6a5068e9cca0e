using Peer2Peer.Sidecar.Discovery.Catalogue;

namespace Peer2Peer.Sidecar.Query;

/// <summary>An immutable in-memory copy of the current catalogue: queries scan it without touching the database.</summary>
public sealed class CatalogueSnapshot(long version, ulong height, IReadOnlyList<ProviderView> providers)
{
    public static CatalogueSnapshot Empty { get; } = new(-1, 0, []);

    public long Version { get; } = version;

    public ulong ScannedHeight { get; } = height;

    public IReadOnlyList<ProviderView> Providers { get; } = providers;

    public IReadOnlyDictionary<string, ProviderView> ByKey { get; } = providers.ToDictionary(p => p.ProviderKey, StringComparer.Ordinal);

    /// <summary>The providers' searchable fields as flat arrays, in <see cref="Providers"/> order.</summary>
    public SearchColumns Columns { get; } = new(providers);
}
