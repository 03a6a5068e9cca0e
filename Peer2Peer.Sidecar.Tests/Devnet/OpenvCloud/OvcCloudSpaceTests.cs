using System.Text.Json.Nodes;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Cloudspaces: the seeded one is DEPLOYED; new ones move VIRTUAL → DEPLOYING → DEPLOYED with devnet time.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcCloudSpaceTests
{
    [Test]
    public async Task SeededCloudSpace_IsDeployedWithPublicIp()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        var space = (await t.PostAsync("cloudapi/cloudspaces/get", new { cloudspaceId = t.Info.CloudSpaceId }, token)).Json!;
        Assert.That(space["status"]!.GetValue<string>(), Is.EqualTo("DEPLOYED"));
        Assert.That(space["externalnetworkip"]!.GetValue<string>(), Does.StartWith("203.0.113."));
        Assert.That(space["location"]!.GetValue<string>(), Is.EqualTo(t.Info.Locations[0]));
        Assert.That(space["resourceLimits"]!["CU_C"]!.GetValue<int>(), Is.EqualTo(-1));
    }

    [Test]
    public async Task NewCloudSpace_DeploysAsynchronouslyOnTheDevnetClock()
    {
        await using var t = await OvcTester.StartAsync(o => o.CloudSpaceDeployTime = TimeSpan.FromMinutes(2));
        var token = await t.ConsumerTokenAsync();
        var created = await t.PostAsync("cloudapi/cloudspaces/create",
            new { accountId = t.Info.AccountId, location = "be-g8-2", name = "prod", access = t.Info.ConsumerIdentity, allowedVMSizes = new[] { 2, 3 } }, token);
        var id = created.Json!.GetValue<int>();

        async Task<JsonNode> GetAsync() => (await t.PostAsync("cloudapi/cloudspaces/get", new { cloudspaceId = id }, token)).Json!;
        Assert.That((await GetAsync())["status"]!.GetValue<string>(), Is.EqualTo("VIRTUAL"));
        Assert.That((await GetAsync())["externalnetworkip"]!.GetValue<string>(), Is.Empty);
        t.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await GetAsync())["status"]!.GetValue<string>(), Is.EqualTo("DEPLOYING"));
        t.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await GetAsync())["status"]!.GetValue<string>(), Is.EqualTo("DEPLOYED"));

        var sizes = (await t.PostAsync("cloudapi/sizes/list", new { cloudspaceId = id }, token)).Json!.AsArray();
        Assert.That(sizes.Select(s => s!["id"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 3 }), "allowedVMSizes restricts sizes.list");
        var list = (await t.PostAsync("cloudapi/cloudspaces/list", new { }, token)).Json!.AsArray();
        Assert.That(list.Select(s => s!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "default", "prod" }));
        Assert.That(list[1]!["accountAcl"]!["userGroupId"]!.GetValue<string>(), Is.EqualTo(t.Info.ConsumerIdentity));
    }
}
