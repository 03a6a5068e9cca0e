using System.Globalization;
using Peer2Peer.Sidecar.Discovery.Catalogue;

namespace Peer2Peer.Sidecar.Query;

/// <summary>One matching provider with the size that sets its price for this query.</summary>
public sealed record ProviderMatch(ProviderView Provider, CatalogueSize? BestSize);

public sealed record ProviderSearchResult(IReadOnlyList<ProviderMatch> Items, int Total, ProviderCursor? Next);

/// <summary>
/// Filters, sorts and pages a snapshot in one pass: each provider's price is that of its cheapest size matching the
/// filters; the page is the first <see cref="ProviderQuery.Limit"/> matches after the cursor in (sort value, provider ID)
/// order, kept in a bounded heap so a page costs O(n log limit), not a full sort. The pass reads only the snapshot's
/// <see cref="SearchColumns"/>; provider objects are touched for the page alone.
/// </summary>
public static class ProviderSearch
{
    public static ProviderSearchResult Run(CatalogueSnapshot snapshot, ProviderQuery query)
    {
        var columns = snapshot.Columns;
        var order = new CandidateOrder(query.Sort, query.Descending);
        // A max-heap of the best `limit + 1` candidates: the extra one tells whether a next page exists.
        var heap = new PriorityQueue<Candidate, Candidate>(query.Limit + 2, Comparer<Candidate>.Create((a, b) => order.Compare(b, a)));
        // The cursor as a candidate: its sort value parsed once, its provider ID as the rank a later ID must reach.
        Candidate? cursor = query.After is { } after ? CursorCandidate(after, query.Sort, columns.RanksUpTo(after.ProviderId)) : null;
        var filter = SizeFilter.For(columns, query);
        var total = 0;
        for (var i = 0; filter.CanMatch && i < snapshot.Providers.Count; i++)
        {
            if ((query.OnlineOnly && !columns.Online[i]) || (query.MinUptime is { } minimum && (!columns.Probed[i] || columns.Uptime24h[i] < minimum)))
            {
                continue;
            }

            var best = filter.Cheapest(columns, i);
            if (best < 0)
            {
                continue;
            }

            total++;
            var candidate = new Candidate(i, best, columns.Price[best], columns.Uptime24h[i], columns.Announced[i], columns.KeyRank[i]);
            if (cursor is { } c && order.Compare(candidate, c) <= 0)
            {
                continue;
            }

            if (heap.Count <= query.Limit)
            {
                heap.Enqueue(candidate, candidate);
            }
            else if (order.Compare(candidate, heap.Peek()) < 0)
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

        var items = page.Select(c =>
        {
            var provider = snapshot.Providers[c.Index];
            return new ProviderMatch(provider, provider.Sizes[c.Best - columns.SizeStart[c.Index]]);
        }).ToArray();
        var next = hasMore && page.Count > 0
            ? new ProviderCursor(query.Sort, query.Descending, SortValue(page[^1], query.Sort), items[^1].Provider.ProviderKey)
            : null;
        return new ProviderSearchResult(items, total, next);
    }

    /// <summary>A matching provider by its index in the snapshot, its best size's row and its sort values.</summary>
    private readonly record struct Candidate(int Index, int Best, UInt128 Price, double Uptime, ulong Announced, int KeyRank);

    /// <summary>(sort value in the query's direction, provider ID ascending): total, so pages never overlap.</summary>
    private sealed class CandidateOrder(ProviderSortKey sort, bool descending) : IComparer<Candidate>
    {
        public int Compare(Candidate a, Candidate b)
        {
            var byValue = sort switch
            {
                ProviderSortKey.Uptime => a.Uptime.CompareTo(b.Uptime),
                ProviderSortKey.Announced => a.Announced.CompareTo(b.Announced),
                _ => a.Price.CompareTo(b.Price),
            };
            if (descending)
            {
                byValue = -byValue;
            }

            return byValue != 0 ? byValue : a.KeyRank.CompareTo(b.KeyRank);
        }
    }

    /// <summary>
    /// The cursor as a candidate that a match must order strictly after. Its rank is that of the last ID at most the
    /// cursor's ID (the cursor's provider may be gone): an equal-valued match comes later exactly when its ID is above.
    /// </summary>
    private static Candidate CursorCandidate(ProviderCursor after, ProviderSortKey sort, int ranksUpTo)
    {
        var cursor = new Candidate(-1, -1, 0, 0, 0, ranksUpTo - 1);
        return sort switch
        {
            ProviderSortKey.Uptime => cursor with { Uptime = double.Parse(after.Value, CultureInfo.InvariantCulture) },
            ProviderSortKey.Announced => cursor with { Announced = ulong.Parse(after.Value, CultureInfo.InvariantCulture) },
            _ => cursor with { Price = UInt128.Parse(after.Value, CultureInfo.InvariantCulture) },
        };
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
