using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Api;

/// <summary>
/// Serialized <c>GET /api/providers</c> answers of the current snapshot, keyed by the parsed query (so parameter order,
/// case of sort/order and equivalent amounts share an entry). A snapshot is immutable, so an answer stays exact until
/// the next one; entries of an older snapshot are dropped as a whole when a newer one is first used. Bounded by entries
/// and bytes: when full it starts over, so hostile distinct queries cost only the uncached price.
/// </summary>
public sealed class ProviderListCache
{
    public const int DefaultMaxEntries = 4096;
    public const long DefaultMaxBytes = 128L * 1024 * 1024;

    private readonly JsonSerializerOptions _json;
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private Generation _current = new(long.MinValue);
    private long _hits;
    private long _misses;

    public ProviderListCache(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
        : this(json.Value.SerializerOptions, DefaultMaxEntries, DefaultMaxBytes)
    {
    }

    internal ProviderListCache(JsonSerializerOptions json, int maxEntries, long maxBytes)
    {
        _json = json;
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
    }

    /// <summary>Answers served from the cache since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Answers rendered (searched and serialized) since start.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public int Count => Volatile.Read(ref _current).Entries.Count;

    public byte[] GetOrRender(CatalogueSnapshot snapshot, ProviderQuery query, Func<ProviderListResponse> render)
    {
        var generation = GenerationFor(snapshot.Version);
        if (generation is not null && generation.Entries.TryGetValue(query, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Interlocked.Increment(ref _misses);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(render(), _json);
        if (generation is null)
        {
            return bytes;
        }

        if (generation.Entries.Count >= _maxEntries || Interlocked.Add(ref generation.Bytes, bytes.Length) > _maxBytes)
        {
            Interlocked.CompareExchange(ref _current, new Generation(snapshot.Version), generation);
            return bytes;
        }

        generation.Entries.TryAdd(query, bytes);
        return bytes;
    }

    /// <summary>The entries of this snapshot version; null for a snapshot older than the cached one (answered uncached).</summary>
    private Generation? GenerationFor(long version)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current.Version == version)
            {
                return current;
            }

            if (current.Version > version)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _current, new Generation(version), current) == current)
            {
                return Volatile.Read(ref _current);
            }
        }
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<ProviderQuery, byte[]> Entries { get; } = new();

        public long Bytes;
    }
}
