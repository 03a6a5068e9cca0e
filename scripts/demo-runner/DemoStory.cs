using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sidecar.OpenvCloud;

namespace Peer2Peer.Demo;

/// <summary>The story, step by step.</summary>
internal sealed class DemoStory(ChildProcesses children, HttpClient http, string work, string devnetDll, string sidecarDll)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Narrator _narrator = new();
    private readonly Dictionary<string, string> _prices = new() { ["provider-1"] = "12 mS", ["provider-2"] = "9 mS" };
    private DevnetInfo _devnet = null!;
    private readonly List<SidecarProcess> _sidecars = [];

    private SidecarProcess Sidecar(string name) => _sidecars.Single(s => s.Name == name);

    private IEnumerable<SidecarProcess> Providers => _sidecars.Where(s => s.Role == "Provider");

    public async Task RunAsync(bool withVm)
    {
        await _narrator.StepAsync("Start the devnet: 3 siad nodes (1.5.9) on one chain, 2 OpenvCloud controllers, a 360× clock", StartDevnetAsync);
        await _narrator.StepAsync("Start two provider sidecars (one per controller) and one consumer sidecar", StartSidecarsAsync);
        var before = await _narrator.StepAsync("Providers fund their hot addresses from their siad wallets", FundProvidersAsync);
        await _narrator.StepAsync("Both providers publish their offers on the chain", () => PublishAsync(expectedSequence: 1));
        await _narrator.StepAsync("The consumer's catalogue lists both providers", () => ShowCatalogueAsync(2, null));
        await _narrator.StepAsync("provider-2 raises its price to 15 mS per vCPU-hour and republishes", ChangePriceAsync);
        var choice = await _narrator.StepAsync("The consumer picks the cheapest provider of a size with 2+ vCPUs, and its location", PickCheapestAsync);
        if (withVm)
        {
            await _narrator.StepAsync($"The consumer creates a VM through {choice["apiUrl"]}", () => CreateVmAsync(choice));
        }

        await _narrator.StepAsync("What the announcements cost the providers' hot addresses", () => ShowBalancesAsync(before));
    }

    private async Task StartDevnetAsync()
    {
        var summaryPath = Path.Combine(work, "devnet.json");
        children.Start("devnet", devnetDll, ["--nodes", "3", "--controllers", "2", "--clock-speed", "360", "--output", summaryPath, "--block-interval", "3s"]);
        var summary = await Narrator.WaitForAsync("the devnet summary", Patience, () =>
            Task.FromResult(File.Exists(summaryPath) && new FileInfo(summaryPath).Length > 0 ? JObject.Parse(File.ReadAllText(summaryPath)) : null));
        _devnet = new DevnetInfo(summary);
        Narrator.Say($"chain height {summary["height"]}; nodes: {string.Join(", ", summary["nodes"]!.Select(n => (string)n["apiUrl"]!))}");
        Narrator.Say($"controllers: {string.Join(", ", summary["controllers"]!.Select(c => $"{c["name"]} at {c["baseUrl"]} ({string.Join("/", c["locations"]!.Values<string>())})"))}");
    }

    private async Task StartSidecarsAsync()
    {
        StartSidecar("provider-1", node: 0, controller: 0);
        StartSidecar("provider-2", node: 1, controller: 1);
        StartSidecar("consumer", node: 2, controller: null);
        foreach (var sidecar in _sidecars)
        {
            await Narrator.WaitForAsync($"{sidecar.Name} to be ready", Patience, async () => await SidecarApi.IsReadyAsync(http, sidecar) ? sidecar : null);
            var status = await SidecarApi.GetAsync(http, sidecar, "api/status");
            Narrator.Say($"{sidecar.Name,-10} {sidecar.Url}  {status["identity"]!["role"],-8} key {Short((string)status["identity"]!["identityKey"]!)}  siad {status["siad"]!["version"]} ({status["siad"]!["chainRules"]})");
        }
    }

    private void StartSidecar(string name, int node, int? controller, string? price = null)
    {
        var port = ChildProcesses.FreePort();
        var adminKey = "demo-admin-key-" + name;
        var n = _devnet.Node(node);
        // Secrets go through the environment, not the command line (visible in ps).
        var environment = new Dictionary<string, string>
        {
            ["Siad__ApiPassword"] = (string)n["apiPassword"]!,
            ["Sidecar__AdminApiKey"] = adminKey,
        };
        var arguments = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}",
            "--Sidecar:DataDirectory=" + Path.Combine(work, name),
            "--Siad:ApiUrl=" + (string)n["apiUrl"]!,
            "--ChainFollower:PollInterval=00:00:01",
            "--Funding:CheckInterval=00:00:02",
            "--Discovery:ProbeInterval=00:00:02",
            "--Logging:LogLevel:Default=Information",
        };
        if (controller is { } c)
        {
            var ovc = _devnet.Controller(c);
            environment["OpenvCloud__ClientSecret"] = (string)ovc["clientSecret"]!;
            arguments.AddRange(
            [
                "--Sidecar:Role=Provider",
                "--OpenvCloud:ApiUrl=" + (string)ovc["baseUrl"]!,
                "--OpenvCloud:IdentityUrl=" + (string)ovc["identityUrl"]!,
                "--OpenvCloud:ClientId=" + (string)ovc["clientId"]!,
                "--Publishing:PublicApiUrl=" + (string)ovc["baseUrl"]!,
                "--Publishing:DevnetMode=true",
                "--Publishing:PricePerVcpuHour=" + (price ?? _prices[name]),
                "--Publishing:PricePerGiBHour=2 mS",
                "--Publishing:CheckInterval=00:00:02",
            ]);
        }

        children.Start(name, sidecarDll, arguments, environment);
        _sidecars.RemoveAll(s => s.Name == name);
        _sidecars.Add(new SidecarProcess(name, new Uri($"http://127.0.0.1:{port}/"), adminKey, node, controller is null ? "Consumer" : "Provider", controller));
    }

    private async Task<Dictionary<string, decimal>> FundProvidersAsync()
    {
        var balances = new Dictionary<string, decimal>();
        foreach (var provider in Providers)
        {
            var funding = await Narrator.WaitForAsync($"{provider.Name}'s top-up to confirm", Patience, async () =>
            {
                var f = await SidecarApi.GetAsync(http, provider, "api/funding");
                return Sc((string)f["confirmed"]!) >= 50 ? f : null;
            });
            balances[provider.Name] = Sc((string)funding["confirmed"]!);
            Narrator.Say($"{provider.Name}: hot address {Short((string)funding["address"]!)} holds {balances[provider.Name]} SC");
        }

        return balances;
    }

    private async Task PublishAsync(int expectedSequence, string? only = null)
    {
        foreach (var provider in Providers.Where(p => only is null || p.Name == only))
        {
            var offer = await Narrator.WaitForAsync($"{provider.Name}'s announcement {expectedSequence} to confirm", Patience, async () =>
            {
                var o = await SidecarApi.GetAsync(http, provider, "api/offer");
                return o["published"] is JObject p && p.Type != JTokenType.Null && (int)p["sequence"]! >= expectedSequence && p["confirmedHeight"]!.Type != JTokenType.Null ? o : null;
            });
            var published = offer["published"]!;
            Narrator.Say($"{provider.Name}: sequence {published["sequence"]} in transaction {Short((string)published["transactionId"]!)}, confirmed at height {published["confirmedHeight"]}, valid until {published["expiryHeight"]}");
        }
    }

    private async Task ShowCatalogueAsync(int providers, Func<JObject, bool>? until)
    {
        var consumer = Sidecar("consumer");
        var page = await Narrator.WaitForAsync($"{providers} providers in the consumer's catalogue", Patience, async () =>
        {
            var p = await SidecarApi.GetAsync(http, consumer, "api/providers?sort=price&order=asc");
            return (int)p["total"]! == providers && (until is null || until(p)) ? p : null;
        });
        Narrator.Table(["provider", "API URL", "location", "size", "vCPUs", "memory", "price/hour"],
            page["items"]!.SelectMany(p => p["sizes"]!.Select(s => (IReadOnlyList<string>)
            [
                Short((string)p["id"]!), (string)p["apiUrl"]!, (string)s["location"]!, (string)s["name"]!, (string)s["vcpus"]!,
                $"{s["memoryMiB"]} MiB", $"{s["pricePerHourSc"]} SC",
            ])));
    }

    private async Task ChangePriceAsync()
    {
        await children.StopAsync("provider-2");
        _prices["provider-2"] = "15 mS";
        StartSidecar("provider-2", node: 1, controller: 1);
        await PublishAsync(expectedSequence: 2, only: "provider-2");
        var key = (string)(await SidecarApi.GetAsync(http, Sidecar("provider-2"), "api/status"))["identity"]!["identityKey"]!;
        await ShowCatalogueAsync(2, page => page["items"]!.Any(p => (string)p["id"]! == key && (int)p["sequence"]! == 2));
    }

    private async Task<JObject> PickCheapestAsync()
    {
        var page = await SidecarApi.GetAsync(http, Sidecar("consumer"), "api/providers?minVcpus=2&sort=price&order=asc&limit=10");
        Narrator.Table(["provider", "cheapest 2+ vCPU size", "location", "price/hour"], page["items"]!.Select(p => (IReadOnlyList<string>)
        [
            Short((string)p["id"]!), (string)p["price"]!["size"]!, (string)p["price"]!["location"]!, $"{p["price"]!["pricePerHourSc"]} SC",
        ]));
        var choice = (JObject)page["items"]![0]!;
        Narrator.Say($"cheapest: {Short((string)choice["id"]!)} in {choice["price"]!["location"]} ({page["total"]} provider(s) matched)");
        return choice;
    }

    private async Task CreateVmAsync(JObject choice)
    {
        var apiUrl = (string)choice["apiUrl"]!;
        var controller = _devnet.Summary["controllers"]!.Single(c => ((string)c["baseUrl"]!).TrimEnd('/') == apiUrl.TrimEnd('/'));
        var price = choice["price"]!;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddOpenvCloud()
            .BuildServiceProvider();
        var client = services.GetRequiredService<IOpenvCloudClientFactory>().Create(new Uri(apiUrl),
            OpenvCloudCredentials.Jwt(new Uri((string)controller["identityUrl"]!), (string)controller["clientId"]!, (string)controller["clientSecret"]!));
        var image = choice["images"]!.First(i => (string)i["location"]! == (string)price["location"]!);
        var minDisk = (int)image["minDiskGiB"]!;
        var disk = price["diskSizesGiB"]!.Values<int>().Where(d => d >= minDisk).DefaultIfEmpty(Math.Max(minDisk, 10)).Min();
        var id = await client.CreateMachineAsync(new OvcMachineSpec((int)controller["cloudSpaceId"]!, "demo-vm", (int)image["id"]!, disk)
        {
            SizeId = (int)price["sizeId"]!,
        }, CancellationToken.None);
        var machine = await Narrator.WaitForAsync("the VM to run", Patience, async () =>
        {
            var m = await client.GetMachineAsync(id, CancellationToken.None);
            return m is { Status: "RUNNING" } ? m : null;
        });
        Narrator.Say($"machine {machine.Id} \"{machine.Name}\" is {machine.Status}: {machine.Vcpus} vCPU(s), {machine.MemoryMiB} MiB, image {image["name"]}, at {apiUrl}");
    }

    private async Task ShowBalancesAsync(Dictionary<string, decimal> before)
    {
        Narrator.Table(["provider", "before", "after", "spent on announcements"], await Task.WhenAll(Providers.Select(async provider =>
        {
            var after = Sc((string)(await SidecarApi.GetAsync(http, provider, "api/funding"))["unconfirmed"]!);
            return (IReadOnlyList<string>)[provider.Name, $"{before[provider.Name]} SC", $"{after} SC", $"{before[provider.Name] - after} SC"];
        })));
    }

    private static decimal Sc(string hastings) => decimal.Parse(hastings, CultureInfo.InvariantCulture) / 1_000_000_000_000_000_000_000_000m;

    private static string Short(string text) => text.Length > 28 ? text[..18] + "…" + text[^6..] : text;
}
