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
    [CancelAfter(60_000)]
    public async Task TheStandaloneDevnetWritesItsSummaryAndStopsOnSigterm(CancellationToken cancellationToken)
    {
        using var directory = new Support.TempDirectory();
        var summary = Path.Combine(directory.Path, "devnet.json");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Peer2Peer.Devnet.dll"), "--nodes", "1", "--controllers", "1", "--output", summary })
        {
            start.ArgumentList.Add(argument);
        }

        using var devnet = System.Diagnostics.Process.Start(start)!;
        try
        {
            while (!File.Exists(summary) || new FileInfo(summary).Length == 0)
            {
                if (devnet.HasExited)
                {
                    Assert.Fail("the devnet exited: " + await devnet.StandardError.ReadToEndAsync(cancellationToken));
                }

                await Task.Delay(100, cancellationToken);
            }

            var written = JObject.Parse(await File.ReadAllTextAsync(summary, cancellationToken));
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", devnet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync(cancellationToken);
            }

            await devnet.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            Assert.That(((JArray)written["nodes"]!).Count, Is.EqualTo(1));
            Assert.That(((JArray)written["controllers"]!).Count, Is.EqualTo(1));
            Assert.That(devnet.ExitCode, Is.Zero);
        }
        finally
        {
            if (!devnet.HasExited)
            {
                devnet.Kill(entireProcessTree: true);
            }
        }
    }

    [Test]
    public void TheCommandLineStartsTwoControllersByDefault()
    {
        Assert.That(DevnetOptions.Parse([]).Controllers, Is.EqualTo(2));
        Assert.That(DevnetOptions.Parse(["--controllers", "3", "--clock-speed", "60"]), Has.Property("Controllers").EqualTo(3).And.Property("ClockSpeed").EqualTo(60));
        Assert.That(() => DevnetOptions.Parse(["--clock-speed", "fast"]), Throws.TypeOf<FormatException>().With.Message.Contains("--clock-speed"));
    }
}
