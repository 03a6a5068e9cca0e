using Peer2Peer.Sidecar.Hosting;

if (CommandLineHelp.IsRequested(args))
{
    CommandLineHelp.Print(Console.Out);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
await app.RunAsync();
return 0;
