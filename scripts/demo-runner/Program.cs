using System.Globalization;
using Newtonsoft.Json.Linq;
using Peer2Peer.Demo;

// The PoC demo: a local devnet, two provider sidecars, one consumer sidecar, and the whole discovery story told with
// real calls. Exit code 0 on success; otherwise the failing step is named and the code is 1. Every child is stopped.
var withVm = !args.Contains("--discovery-only");
var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? Directory.GetCurrentDirectory();
var work = Path.Combine(root, "artifacts", "demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
var devnetDll = Path.Combine(root, "Peer2Peer.Devnet", "bin", "Release", "net10.0", "Peer2Peer.Devnet.dll");
var sidecarDll = Path.Combine(root, "Peer2Peer.Sidecar", "bin", "Release", "net10.0", "Peer2Peer.Sidecar.dll");

Console.WriteLine("Peer2Peer PoC demo: OpenvCloud capacity discovered through the Sia chain" + (withVm ? ", then bought" : ""));
Console.WriteLine($"    logs of every process: {work}");
await using var children = new ChildProcesses(work);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var story = new DemoStory(children, http, work, devnetDll, sidecarDll);
try
{
    await story.RunAsync(withVm);
    Console.WriteLine();
    Console.WriteLine($"Demo finished: every step passed.");
    return 0;
}
catch (DemoFailedException e)
{
    Console.WriteLine();
    Console.Error.WriteLine($"DEMO FAILED: {e.Message}");
    Console.Error.WriteLine($"    see the process logs in {work}");
    return 1;
}
