using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Peer2Peer.Devnet.OpenvCloud;
using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>The entry point: M controllers on their own ports, different catalogues, info records ready for the summary file.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcClusterTests
{
    [Test]
    public async Task DefaultCluster_HasTwoControllers_OnOwnPorts_WithDifferentCatalogues()
    {
        await using var cluster = await OpenvCloudCluster.StartAsync(new OpenvCloudClusterOptions(), TimeProvider.System, NullLoggerFactory.Instance);

        Assert.That(cluster.Controllers, Has.Count.EqualTo(2));
        var urls = cluster.Infos.Select(i => i.BaseUrl).Append(cluster.IdentityUrl).ToList();
        Assert.That(urls.Distinct().Count(), Is.EqualTo(3));
        Assert.That(cluster.Infos[0].Locations, Is.Not.EqualTo(cluster.Infos[1].Locations));
        Assert.That(cluster.Clock.Speed, Is.EqualTo(360));
        Assert.That(cluster["ovc-2"].Info.ConsumerUsername, Is.EqualTo("consumer2"));
    }

    [Test]
    public async Task Infos_SerializeToJson_WithCredentials()
    {
        await using var t = await OvcTester.StartAsync(controllers: 3);
        var json = JsonSerializer.Serialize(t.Cluster.Infos, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var back = JsonSerializer.Deserialize<List<OpenvCloudControllerInfo>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.That(back, Has.Count.EqualTo(3));
        Assert.That(back[2], Is.EqualTo(t.Cluster.Infos[2]) .Using<OpenvCloudControllerInfo>((a, b) =>
            a.BaseUrl == b.BaseUrl && a.ClientSecret == b.ClientSecret && a.Locations.SequenceEqual(b.Locations)));
        Assert.That(json, Does.Contain("\"clientSecret\"").And.Contain("\"consumerPassword\"").And.Contain("\"cloudSpaceId\""));
    }

    [Test]
    public async Task SameSeed_GivesSameCredentials()
    {
        await using var a = await OvcTester.StartAsync();
        await using var b = await OvcTester.StartAsync();
        Assert.That(a.Info.ClientSecret, Is.EqualTo(b.Info.ClientSecret));
        Assert.That(a.Info.ConsumerPassword, Is.EqualTo(b.Info.ConsumerPassword));
    }

    [Test]
    public async Task Overrides_SetNamePortCredentialsAndCatalogue()
    {
        var catalogue = new CatalogueSpec(
            [new LocationSpec(1, 7, "ch-zrh-1")],
            [new SizeSpec(9, "tiny", 1, 512, [10], ["ch-zrh-1"])],
            [new ImageSpec(4, "Alpine", "Linux", 1, [])]);
        await using var t = await OvcTester.StartAsync(o => o.ControllerOverrides.Add(new OpenvCloudControllerOptions
        {
            Name = "zrh", ConsumerUsername = "alice", ConsumerPassword = "pw", ClientId = "cid", ClientSecret = "secret", Catalogue = catalogue,
        }));
        var token = await t.ConsumerTokenAsync();

        Assert.That(t.Info.Name, Is.EqualTo("zrh"));
        Assert.That(t.Info.ClientId, Is.EqualTo("cid"));
        var sizes = await t.PostAsync("cloudapi/sizes/list", new { location = "ch-zrh-1" }, token);
        Assert.That(sizes.Body, Is.EqualTo("[{\"id\":9,\"name\":\"tiny\",\"vcpus\":1,\"memory\":512,\"description\":\"\",\"disks\":[10]}]"));
    }

    [Test]
    public void BadOptions_AreRefusedWithOneClearMessage()
    {
        var duplicate = new OpenvCloudClusterOptions { Controllers = 2 };
        duplicate.ControllerOverrides.Add(CatalogueDefaults.ForController(0));
        duplicate.ControllerOverrides.Add(CatalogueDefaults.ForController(0));
        var ex = Assert.ThrowsAsync<ArgumentException>(() => OpenvCloudCluster.StartAsync(duplicate, TimeProvider.System, NullLoggerFactory.Instance));
        Assert.That(ex!.Message, Does.Contain("two OpenvCloud controllers are named ovc-1"));

        var empty = new OpenvCloudClusterOptions { Controllers = 1 };
        var noLocations = CatalogueDefaults.ForController(0);
        noLocations.Catalogue = new CatalogueSpec([], [], []);
        empty.ControllerOverrides.Add(noLocations);
        Assert.ThrowsAsync<ArgumentException>(() => OpenvCloudCluster.StartAsync(empty, TimeProvider.System, NullLoggerFactory.Instance));
    }
}
