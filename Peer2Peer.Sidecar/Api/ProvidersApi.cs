using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
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
        group.MapGet("/", List).WithName("ListProviders").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Providers matching the filters, sorted and paged")
            .WithDescription("A provider matches when one of its sizes meets every size filter (location, vCPUs, memory, size name, price); its price for filtering and sorting is that of its cheapest matching size. Paging continues after an opaque cursor, stable while the catalogue changes.");
        group.MapGet("/changes", Changes).WithName("ProviderChanges")
            .WithSummary("Server-sent events of catalogue changes: added, updated, removed, online, offline")
            .WithDescription("Resume with the Last-Event-ID header (or lastEventId) of the last event seen. An ID that can no longer be resumed from gets one 'resync' event: reload the list, then follow the stream.")
            .Produces<CatalogueEvent>(StatusCodes.Status200OK, "text/event-stream");
        group.MapGet("/{id}", Get).WithName("GetProvider").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One provider's current offer, sizes, images, probe state and linked Sia host");
        group.MapGet("/{id}/history", History).WithName("GetProviderHistory").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A provider's announcements (orphaned ones flagged) and recent probe results");
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

    /// <summary>
    /// Written by hand rather than with TypedResults.ServerSentEvents so the headers go out at once (a client that opens the
    /// stream before anything changed must not wait for the first event) and idle connections get keep-alive comments.
    /// </summary>
    private static async Task Changes(
        HttpContext context,
        CatalogueIndex index,
        CatalogueEventLog log,
        CatalogueChanges changes,
        [Description("Resume after this event ID (the Last-Event-ID header wins)")] long? lastEventId,
        CancellationToken cancellationToken)
    {
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        var resumeFrom = long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader) ? fromHeader : lastEventId;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken);
        await WriteAsync(response, ": catalogue changes\n\n", cancellationToken);
        try
        {
            var snapshot = index.Current();
            var last = resumeFrom ?? log.LastId;
            if (log.After(last) is null)
            {
                await WriteAsync(response, Format(new CatalogueEvent(log.LastId, "resync", "", null, snapshot.ScannedHeight, DateTimeOffset.UtcNow)), cancellationToken);
                last = log.LastId;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var e in log.After(last) ?? [])
                {
                    await WriteAsync(response, Format(e), cancellationToken);
                    last = e.Id;
                }

                // Wake on a catalogue change (rebuilding the snapshot turns it into events), on events another reader
                // appended, or to send a keep-alive comment.
                var changed = changes.WhenChangedAsync(cancellationToken);
                var appended = log.WhenAppendedAsync(cancellationToken);
                if (await Task.WhenAny(changed, appended, Task.Delay(KeepAlive, cancellationToken)) is var woke && woke != changed && woke != appended)
                {
                    await WriteAsync(response, ": keep-alive\n\n", cancellationToken);
                }

                index.Current();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static string Format(CatalogueEvent e) =>
        $"id: {e.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {e.Type}\ndata: {JsonSerializer.Serialize(e, JsonSerializerOptions.Web)}\n\n";

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Provider not found",
        detail: $"no current offer from provider '{(id.Length > 80 ? id[..80] + "…" : id)}' (unknown, withdrawn or expired)",
        extensions: new Dictionary<string, object?> { ["code"] = "provider-not-found" });

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
