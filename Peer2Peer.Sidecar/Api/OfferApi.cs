using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Publishing;

namespace Peer2Peer.Sidecar.Api;

/// <summary>The provider's own offer (admin key): what it would publish, what it published, publish now, withdraw.</summary>
public static class OfferApi
{
    public static IEndpointRouteBuilder MapOfferApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offer").WithTags("Offer").RequireAdminKey();
        group.MapGet("/", (Publisher publisher, PublishedStore store) =>
        {
            var latest = store.Latest();
            return Results.Ok(new
            {
                current = publisher.CurrentOffer is { } offer ? OfferView.From(offer) : null,
                published = latest is null ? null : new
                {
                    latest.Sequence,
                    latest.Kind,
                    transactionId = latest.TransactionId?.ToString(),
                    latest.ConfirmedHeight,
                    latest.ExpiryHeight,
                    latest.CreatedAt,
                },
                problem = publisher.LastProblem,
            });
        }).WithName("GetOffer").WithSummary("The offer built from the controller and the last one published, with its transaction and confirmation height.");

        group.MapPost("/publish", async (Publisher publisher, CancellationToken cancellationToken) =>
        {
            var outcome = await publisher.RunOnceAsync(force: true, cancellationToken);
            return Results.Accepted("/api/offer", new { outcome = outcome.ToString() });
        }).WithName("PublishOffer").WithSummary("Publish the current offer now with the next sequence number.");

        group.MapPost("/withdraw", async (Publisher publisher, CancellationToken cancellationToken) =>
        {
            await publisher.WithdrawAsync(cancellationToken);
            return Results.Accepted("/api/offer");
        }).WithName("WithdrawOffer").WithSummary("Announce a withdrawal: catalogues drop this provider.");
        return app;
    }
}

/// <summary>An offer as JSON for people: prices in hastings and SC.</summary>
public static class OfferView
{
    public static object From(Peer2Peer.Sidecar.Announcements.Offer offer) => new
    {
        offer.ApiUrl,
        payoutAddress = offer.PayoutAddress.ToString(),
        channelKey = offer.ChannelKey.ToString(),
        hostKey = offer.HostKey?.ToString(),
        offer.Capacity,
        locations = offer.Locations.Select(l => new
        {
            l.Code,
            sizes = l.Sizes.Select(s => new { s.Id, s.Name, s.Vcpus, s.MemoryMiB, s.DiskSizesGiB, pricePerHour = s.PricePerHour.ToString(), pricePerHourDisplay = s.PricePerHour.ToDisplayString() }),
            images = l.Images,
        }),
    };
}
