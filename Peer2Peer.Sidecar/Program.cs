using Peer2Peer.Sidecar.Api;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.OpenvCloud;
using Peer2Peer.Sidecar.Publishing;
using Peer2Peer.Sidecar.Siad;

if (CommandLineHelp.IsRequested(args))
{
    CommandLineHelp.Print(Console.Out);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSidecarHosting().AddSiad().AddKeys().AddChainFollower().AddFunding().AddDiscovery()
    .AddOpenvCloud().AddPublishing();

builder.Services.AddOpenApi("v1");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapStatusApi().MapProvidersApi().MapFundingApi().MapOfferApi();
return await app.RunSidecarAsync();
