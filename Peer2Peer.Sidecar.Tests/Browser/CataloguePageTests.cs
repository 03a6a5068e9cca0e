using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sidecar.Tests.Query;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Browser;

/// <summary>
/// The catalogue page in Debian's headless Chromium (driven by playwright-core from Browser/, never a downloaded browser):
/// it loads against a chain-fed catalogue, a filter narrows the rows, a row opens its detail; the screenshot is kept.
/// </summary>
[Category("Browser")]
public sealed class CataloguePageTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task ThePageListsProvidersAndAFilterNarrowsTheRows(CancellationToken cancellationToken)
    {
        if (!File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"))
        {
            Assert.Fail("Chromium is missing: scripts/test installs Debian's chromium package");
        }

        await using var host = new CatalogueHost(11, kestrel: true);
        await host.AddProvidersAsync(12);
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "catalogue-page.png");
        var directory = Path.Combine(TestPaths.RepositoryRoot, "Peer2Peer.Sidecar.Tests", "Browser");

        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "catalogue-page.mjs", host.Factory.ServerAddress.ToString(), screenshot, "ch-zrh-1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        try
        {
            var output = await node.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = await node.StandardError.ReadToEndAsync(cancellationToken);
            await node.WaitForExitAsync(cancellationToken);
            Assert.That(node.ExitCode, Is.Zero, errors);

            var result = JObject.Parse(output.Trim().Split('\n')[^1]);
            var expected = host.Offers.Count(o => o.Value.Announcement.Offer!.Locations.Any(l => l.Code == "ch-zrh-1"));
            TestContext.AddTestAttachment(screenshot, "the catalogue page after filtering by location and opening a provider");
            Assert.That((string)result["title"]!, Is.EqualTo("Peer2Peer providers"));
            Assert.That((int)result["initialRows"]!, Is.EqualTo(12));
            Assert.That((int)result["filteredRows"]!, Is.EqualTo(expected).And.LessThan(12));
            Assert.That(result["filteredLocations"]!.Values<string>(), Has.All.Contains("ch-zrh-1"));
            Assert.That((string)result["detailId"]!, Does.StartWith("ed25519:"));
            Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }
}
