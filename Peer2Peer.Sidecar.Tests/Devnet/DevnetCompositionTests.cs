using Newtonsoft.Json.Linq;
using Peer2Peer.Devnet;

namespace Peer2Peer.Sidecar.Tests.Devnet;

/// <summary>One command starts both worlds: siad nodes and OpenvCloud controllers, all listed in the summary.</summary>
[Category("Devnet")]
public sealed class DevnetCompositionTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task NodesAndControllersStartTogetherAndAreListedInTheSummary(CancellationToken cancellationToken)
    {
        await using var devnet = await Peer2Peer.Devnet.Devnet.StartAsync(new DevnetOptions { Nodes = 2, Controllers = 2 }, cancellationToken);

        var summary = JObject.Parse(devnet.Summary().ToJson());
        using var http = new HttpClient();
        var health = await http.PostAsync(new Uri(new Uri((string)summary["controllers"]![0]!["baseUrl"]! + "/"), "restmachine/cloudbroker/health/status"), null, cancellationToken);

        Assert.That(((JArray)summary["nodes"]!).Count, Is.EqualTo(2));
        Assert.That(((JArray)summary["controllers"]!).Count, Is.EqualTo(2));
        Assert.That(summary["controllers"]!.Select(c => (string)c["baseUrl"]!), Is.Unique);
        Assert.That((string)summary["controllers"]![0]!["clientSecret"]!, Is.Not.Empty);
        Assert.That((int)health.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void TheCommandLineStartsTwoControllersByDefault()
    {
        Assert.That(DevnetOptions.Parse([]).Controllers, Is.EqualTo(2));
        Assert.That(DevnetOptions.Parse(["--controllers", "3", "--clock-speed", "60"]), Has.Property("Controllers").EqualTo(3).And.Property("ClockSpeed").EqualTo(60));
        Assert.That(() => DevnetOptions.Parse(["--clock-speed", "fast"]), Throws.TypeOf<FormatException>().With.Message.Contains("--clock-speed"));
    }
}
