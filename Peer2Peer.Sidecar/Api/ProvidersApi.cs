using System.ComponentModel;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Api;

/// <summary>The public, read-only catalogue: which providers sell what, where, at what price, and are they up.</summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/providers").WithTags("Providers");
        group.MapGet("/", List).WithName("ListProviders")
            .WithSummary("Providers matching the filters, sorted and paged")
            .WithDescription("A provider matches when one of its sizes meets every size filter (location, vCPUs, memory, size name, price); its price for filtering and sorting is that of its cheapest matching size. Paging continues after an opaque cursor, stable while the catalogue changes.");
        group.MapGet("/changes", Changes).WithName("ProviderChanges")
            .WithSummary("Server-sent events of catalogue changes: added, updated, removed, online, offline")
            .WithDescription("Resume with the Last-Event-ID header (or lastEventId) of the last event seen. An ID that can no longer be resumed from gets one 'resync' event: reload the list, then follow the stream.")
            .Produces<CatalogueEvent>(StatusCodes.Status200OK, "text/event-stream");
        group.MapGet("/{id}", Get).WithName("GetProvider").WithSummary("One provider's current offer, sizes, images, probe state and linked Sia host");
        group.MapGet("/{id}/history", History).WithName("GetProviderHistory").WithSummary("A provider's announcements (orphaned ones flagged) and recent probe results");
        return app;
    }

    private static Results<JsonBytesResult<ProviderListResponse>, ProblemHttpResult> List(
        CatalogueIndex index,
        ProviderListCache cache,
        [Description("Only sizes in this location code")] string? location,
        [Description("Minimum vCPUs of a size")] string? minVcpus,
        [Description("Minimum memory of a size, MiB")] string? minMemoryMiB,
        [Description("An OpenvCloud size name (any case)")] string? size,
        [Description("Maximum price per hour: hastings (\"30000000000000000000000\") or an amount (\"30 mS\", \"0.03 SC\")")] string? maxPricePerHour,
        [Description("true: only providers whose last probe found them up or degraded")] string? onlineOnly,
        [Description("Minimum 24-hour uptime, 0 to 1")] string? minUptime,
        [Description("price (default), uptime or announced")] string? sort,
        [Description("asc (default) or desc")] string? order,
        [Description($"Page size, 1 to 200 (default 50)")] string? limit,
        [Description("The nextCursor of the previous page")] string? cursor)
    {
        var errors = new ParameterErrors();
        var query = new ProviderQuery
        {
            Location = Text(location),
            MinVcpus = errors.UInt64(nameof(minVcpus), minVcpus) ?? 0,
            MinMemoryMiB = errors.UInt64(nameof(minMemoryMiB), minMemoryMiB) ?? 0,
            SizeName = Text(size),
            MaxPricePerHour = errors.Amount(nameof(maxPricePerHour), maxPricePerHour),
            OnlineOnly = errors.Boolean(nameof(onlineOnly), onlineOnly) ?? false,
            MinUptime = errors.Fraction(nameof(minUptime), minUptime),
            Sort = errors.Choice(nameof(sort), sort, new Dictionary<string, ProviderSortKey>
            {
                ["price"] = ProviderSortKey.Price, ["uptime"] = ProviderSortKey.Uptime, ["announced"] = ProviderSortKey.Announced,
            }) ?? ProviderSortKey.Price,
            Descending = errors.Choice(nameof(order), order, new Dictionary<string, bool> { ["asc"] = false, ["desc"] = true }) ?? false,
            Limit = errors.Int(nameof(limit), limit, 1, ProviderQuery.MaxLimit) ?? ProviderQuery.DefaultLimit,
        };
        var after = errors.Cursor(nameof(cursor), cursor, query);
        if (errors.Problem() is { } problem)
        {
            return problem;
        }

        var snapshot = index.Current();
        query = query with { After = after };
        return new JsonBytesResult<ProviderListResponse>(cache.GetOrRender(snapshot, query, () =>
        {
            var result = ProviderSearch.Run(snapshot, query);
            return new ProviderListResponse(result.Total, query.Limit, result.Next?.Encode(), snapshot.ScannedHeight,
                result.Items.Select(ProviderMapping.ToItem).ToArray());
        }));
    }

    private static Results<Ok<ProviderItem>, ProblemHttpResult> Get(CatalogueIndex index, [Description("The provider ID: ed25519:<hex>")] string id) =>
        index.Current().ByKey.TryGetValue(id, out var provider)
            ? TypedResults.Ok(ProviderMapping.ToItem(provider, null))
            : NotFound(id);

    private static Results<Ok<ProviderHistoryResponse>, ProblemHttpResult> History(CatalogueQueries catalogue, [Description("The provider ID: ed25519:<hex>")] string id)
    {
        var announcements = catalogue.GetHistory(id);
        if (announcements.Count == 0)
        {
            return NotFound(id);
        }

        var probes = catalogue.GetProbes(id, 50);
        return TypedResults.Ok(new ProviderHistoryResponse(
            id,
            announcements.Select(a => new AnnouncementItem(a.Sequence, a.Kind.ToString(), a.Height, a.BlockId.ToString(), a.TransactionId.ToString(), a.ExpiryHeight, a.Orphaned)).ToArray(),
            probes.Select(p => new ProbeRecordItem(p.At, p.Result.Outcome.ToString(), p.Result.Latency is { } latency ? (long)latency.TotalMilliseconds : null, p.Result.StatusCode, p.Result.Detail)).ToArray()));
    }

    private static ServerSentEventsResult<CatalogueEvent> Changes(
        CatalogueIndex index,
        CatalogueEventLog log,
        CatalogueChanges changes,
        HttpRequest request,
        [Description("Resume after this event ID (the Last-Event-ID header wins)")] long? lastEventId,
        CancellationToken cancellationToken)
    {
        var resumeFrom = long.TryParse(request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var header) ? header : lastEventId;
        return TypedResults.ServerSentEvents(Stream(index, log, changes, resumeFrom, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<CatalogueEvent>> Stream(
        CatalogueIndex index, CatalogueEventLog log, CatalogueChanges changes, long? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = index.Current();
        var last = resumeFrom ?? log.LastId;
        if (log.After(last) is null)
        {
            yield return Item(new CatalogueEvent(log.LastId, "resync", "", null, snapshot.ScannedHeight, DateTimeOffset.UtcNow));
            last = log.LastId;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var e in log.After(last) ?? [])
            {
                yield return Item(e);
                last = e.Id;
            }

            try
            {
                // Wake on a catalogue change (rebuild the snapshot to turn it into events) or on events another reader appended.
                await Task.WhenAny(changes.WhenChangedAsync(cancellationToken), log.WhenAppendedAsync(cancellationToken));
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            index.Current();
        }
    }

    private static SseItem<CatalogueEvent> Item(CatalogueEvent e) => new(e, e.Type) { EventId = e.Id.ToString(CultureInfo.InvariantCulture) };

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Provider not found",
        detail: $"no current offer from provider '{(id.Length > 80 ? id[..80] + "…" : id)}' (unknown, withdrawn or expired)",
        extensions: new Dictionary<string, object?> { ["code"] = "provider-not-found" });

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
