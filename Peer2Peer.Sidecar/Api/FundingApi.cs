using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Api;

public static class FundingApi
{
    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding").WithTags("Funding");
        group.MapGet("/", (HotWallet wallet) =>
        {
            var b = wallet.Balance();
            return Results.Ok(new { address = b.Address.ToString(), confirmed = b.Confirmed.ToString(), unconfirmed = b.Unconfirmed.ToString(), reserved = b.Reserved.ToString(), pendingTransactions = b.PendingTransactions });
        }).WithName("GetFunding").WithSummary("The hot address and its balance.");

        group.MapPost("/topup", async (FundingService service, CancellationToken cancellationToken) =>
        {
            await service.TopUpAsync(cancellationToken);
            return Results.Accepted("/api/funding", new { lastTopUp = service.LastTopUp });
        }).WithName("TopUpFunding").WithSummary("Tops the hot address up from siad's wallet now if it is below the floor (admin key).").RequireAdminKey();
        return app;
    }
}
