using System.Globalization;
using Peer2Peer.Sidecar.Discovery.Catalogue;

namespace Peer2Peer.Sidecar.Query;

/// <summary>One matching provider with the size that sets its price for this query.</summary>
public sealed record ProviderMatch(ProviderView Provider, CatalogueSize? BestSize);

public sealed record ProviderSearchResult(IReadOnlyList<ProviderMatch> Items, int Total, ProviderCursor? Next);

/// <summary>
/// Filters, sorts and pages a snapshot in one pass: each provider's price is that of its cheapest size matching the
/// filters; the page is the first <see cref="ProviderQuery.Limit"/> matches after the cursor in (sort value, provider ID)
/// order, kept in a bounded heap so a page costs O(n log limit), not a full sort.
/// </summary>
public static class ProviderSearch
{
    private readonly record struct Candidate(ProviderView Provider, CatalogueSize? Best, UInt128 Price, double Uptime, ulong Announced);

    public static ProviderSearchResult Run(CatalogueSnapshot snapshot, ProviderQuery query)
    {
        var comparer = Comparer<Candidate>.Create((a, b) => Compare(a, b, query));
        // A max-heap of the best `limit + 1` candidates: the extra one tells whether a next page exists.
        var heap = new PriorityQueue<Candidate, Candidate>(query.Limit + 2, Comparer<Candidate>.Create((a, b) => comparer.Compare(b, a)));
        var total = 0;
        // The cursor's sort value is parsed once, not per candidate.
        Candidate? cursor = query.After is { } after ? CursorCandidate(after, query.Sort) : null;
        foreach (var provider in snapshot.Providers)
        {
            if (!Matches(provider, query, out var best))
            {
                continue;
            }

            total++;
            var candidate = new Candidate(provider, best, best?.PricePerHour.Hastings ?? UInt128.MaxValue,
                provider.Health?.Uptime24h ?? -1, provider.LastAnnouncedHeight);
            if (cursor is { } c && !IsAfter(candidate, c, query.After!, query))
            {
                continue;
            }

            if (heap.Count <= query.Limit)
            {
                heap.Enqueue(candidate, candidate);
            }
            else if (comparer.Compare(candidate, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(candidate, candidate);
            }
        }

        var page = new List<Candidate>(heap.Count);
        while (heap.Count > 0)
        {
            page.Add(heap.Dequeue());
        }

        page.Reverse();
        var hasMore = page.Count > query.Limit;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var next = hasMore && page.Count > 0
            ? new ProviderCursor(query.Sort, query.Descending, SortValue(page[^1], query.Sort), page[^1].Provider.ProviderKey)
            : null;
        return new ProviderSearchResult(page.Select(c => new ProviderMatch(c.Provider, c.Best)).ToArray(), total, next);
    }

    private static bool Matches(ProviderView provider, ProviderQuery query, out CatalogueSize? best)
    {
        best = null;
        if ((query.OnlineOnly && !provider.Online) || (query.MinUptime is { } minimum && (provider.Health is null || provider.Health.Uptime24h < minimum)))
        {
            return false;
        }

        var sizes = provider.Sizes;
        for (var i = 0; i < sizes.Count; i++)
        {
            var size = sizes[i];
            if (query.SizeMatches(size) && (best is null || size.PricePerHour < best.PricePerHour))
            {
                best = size;
            }
        }

        return best is not null;
    }

    private static int Compare(Candidate a, Candidate b, ProviderQuery query)
    {
        var byValue = query.Sort switch
        {
            ProviderSortKey.Uptime => a.Uptime.CompareTo(b.Uptime),
            ProviderSortKey.Announced => a.Announced.CompareTo(b.Announced),
            _ => a.Price.CompareTo(b.Price),
        };
        if (query.Descending)
        {
            byValue = -byValue;
        }

        // Ties break on the provider ID, always ascending, so every order is total and pages never overlap.
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Provider.ProviderKey, b.Provider.ProviderKey);
    }

    private static Candidate CursorCandidate(ProviderCursor after, ProviderSortKey sort)
    {
        var cursor = new Candidate(null!, null, 0, 0, 0);
        return sort switch
        {
            ProviderSortKey.Uptime => cursor with { Uptime = double.Parse(after.Value, CultureInfo.InvariantCulture) },
            ProviderSortKey.Announced => cursor with { Announced = ulong.Parse(after.Value, CultureInfo.InvariantCulture) },
            _ => cursor with { Price = UInt128.Parse(after.Value, CultureInfo.InvariantCulture) },
        };
    }

    private static bool IsAfter(Candidate candidate, Candidate cursor, ProviderCursor after, ProviderQuery query)
    {
        var byValue = query.Sort switch
        {
            ProviderSortKey.Uptime => candidate.Uptime.CompareTo(cursor.Uptime),
            ProviderSortKey.Announced => candidate.Announced.CompareTo(cursor.Announced),
            _ => candidate.Price.CompareTo(cursor.Price),
        };
        if (query.Descending)
        {
            byValue = -byValue;
        }

        return byValue > 0 || (byValue == 0 && string.CompareOrdinal(candidate.Provider.ProviderKey, after.ProviderId) > 0);
    }

    private static string SortValue(Candidate candidate, ProviderSortKey sort) => sort switch
    {
        ProviderSortKey.Uptime => candidate.Uptime.ToString("R", CultureInfo.InvariantCulture),
        ProviderSortKey.Announced => candidate.Announced.ToString(CultureInfo.InvariantCulture),
        _ => candidate.Price.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Whether a cursor's value parses for its sort (a tampered cursor is a 400, not a crash).</summary>
    public static bool IsValidCursorValue(ProviderCursor cursor) => cursor.Sort switch
    {
        ProviderSortKey.Uptime => double.TryParse(cursor.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var u) && double.IsFinite(u),
        ProviderSortKey.Announced => ulong.TryParse(cursor.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => UInt128.TryParse(cursor.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
    };
}
