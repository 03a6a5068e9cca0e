// Peer2Peer.Devnet: siad-compatible nodes on one local Sia chain, and OpenvCloud-compatible controllers.
using Peer2Peer.Devnet;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(DevnetOptions.Usage);
    return 0;
}

DevnetOptions options;
try
{
    options = DevnetOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}

await using var devnet = await Devnet.StartAsync(options);
var summary = devnet.Summary().ToJson();
Console.WriteLine(summary);
await (options.OutputPath is { } path ? File.WriteAllTextAsync(path, summary) : Task.CompletedTask);
using var stop = new CancellationTokenSource();
// SIGTERM too, not only Ctrl-C: the embedded web hosts would otherwise swallow it and leave this process running.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
return 0;
