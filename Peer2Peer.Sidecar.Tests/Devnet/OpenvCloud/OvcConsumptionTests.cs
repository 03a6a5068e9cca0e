using System.Text.Json.Nodes;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>
/// A machine created on the seeded cloudspace shows up in <c>machines.list</c>, <c>machines.get</c> and, once the fast
/// clock has moved, in hourly <c>getConsumption</c> snapshots that count the hours it was RUNNING.
/// The tester's devnet clock runs 3600×: one fake wall second is one devnet hour.
/// </summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcConsumptionTests
{
    [Test]
    public async Task CreatedMachine_AppearsInListGetAndHourlyConsumption()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        var (ok, idNode) = await t.PostAsyncTaskAsync("cloudapi/machines/create", OvcCallsSyncAndAsyncTests.MachineBody(t, "web1", sizeId: 3), token);
        Assert.That(ok, Is.True);
        var id = idNode!.GetValue<int>();

        var list = (await t.PostAsync("cloudapi/machines/list", new { cloudspaceId = t.Info.CloudSpaceId }, token)).Json!.AsArray();
        var listed = list.Single(m => m!["id"]!.GetValue<int>() == id)!;
        Assert.That(listed["sizeId"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(listed["status"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
        var got = (await t.PostAsync("cloudapi/machines/get", new { machineId = id }, token)).Json!;
        Assert.That(got["cloudspaceid"]!.GetValue<int>(), Is.EqualTo(t.Info.CloudSpaceId));
        Assert.That(got["sizeid"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(got["imageid"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(got.AsObject().ContainsKey("sizeId"), Is.False, "machines.get spells its ids in lower case");

        t.Wall.Advance(TimeSpan.FromSeconds(3)); // three devnet hours: 09:00 (created then), 10:00, 11:00 published; 12:00 only at 12:30
        var consumption = await ConsumptionAsync(t, token);
        var hours = consumption.Select(p => long.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ten = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.That(hours, Is.EqualTo(new[] { ten - 3600, ten, ten + 3600 }));
        var vm = VmAt(consumption, ten, id);
        Assert.That(vm["status"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
        Assert.That(vm["vcpus"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(vm["mem"]!.GetValue<double>(), Is.EqualTo(2048));
        Assert.That(vm["cpuMinutes"]!.GetValue<double>(), Is.GreaterThan(0));
        var space = consumption[ten.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["cloudspaces"]![0]!;
        Assert.That(space["cloudSpaceId"]!.GetValue<int>(), Is.EqualTo(t.Info.CloudSpaceId));
        Assert.That(space["machines"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("routeros"));
        Assert.That(t.First.RunningHoursBySize(t.Info.AccountId, OvcTester.Start, t.Clock.GetUtcNow()), Is.EqualTo(new Dictionary<int, int> { [3] = 3 }));
    }

    [Test]
    public async Task Consumption_CountsOnlyRunningHours_BySize()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        var small = (await t.PostAsync("cloudapi/machines/create", OvcCallsSyncAndAsyncTests.MachineBody(t, "small", sizeId: 2).ToJsonString(), token)).Json!.GetValue<int>();
        var big = (await t.PostAsync("cloudapi/machines/create", OvcCallsSyncAndAsyncTests.MachineBody(t, "big", sizeId: 4).ToJsonString(), token)).Json!.GetValue<int>();

        t.Clock.Advance(TimeSpan.FromHours(2)); // created 09:00; at 11:00 big stops: snapshots 09:00 and 10:00 see both running
        await t.PostAsync("cloudapi/machines/stop", new { machineId = big }, token);
        t.Clock.Advance(TimeSpan.FromHours(3)); // 11:00 … 16:00 see big HALTED; small is deleted at 14:00
        await t.PostAsync("cloudapi/machines/delete", new { machineId = small }, token);
        t.Clock.Advance(TimeSpan.FromHours(2)); // 14:00 … 16:00 see small DELETED (still listed, like the real tracker)
        t.Clock.Advance(TimeSpan.FromMinutes(30));

        var byStatus = await ConsumptionAsync(t, token);
        Assert.That(byStatus.Count, Is.EqualTo(8), "snapshots 09:00 … 16:00");
        Assert.That(t.First.RunningHoursBySize(t.Info.AccountId, OvcTester.Start, t.Clock.GetUtcNow()),
            Is.EqualTo(new Dictionary<int, int> { [2] = 5, [4] = 2 }));
        var sixteen = new DateTimeOffset(2026, 1, 5, 16, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.That(VmAt(byStatus, sixteen, small)["status"]!.GetValue<string>(), Is.EqualTo("DELETED"));
        Assert.That(VmAt(byStatus, sixteen, big)["status"]!.GetValue<string>(), Is.EqualTo("HALTED"));
        Assert.That(VmAt(byStatus, sixteen, big).AsObject().ContainsKey("cpuMinutes"), Is.False, "zero counters are omitted");
    }

    [Test]
    public async Task Consumption_RangeIsInclusiveByHour_EmptyRangeIsEmptyObject()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        t.Clock.Advance(TimeSpan.FromHours(5));
        var eleven = new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

        var period = await ConsumptionAsync(t, token, eleven, eleven + 2 * 3600 - 1);
        Assert.That(period.Select(p => p.Key), Is.EqualTo(new[] { $"{eleven}", $"{eleven + 3600}" }));
        var empty = await t.PostAsync("cloudapi/accounts/getConsumption", new { accountId = t.Info.AccountId, start = 0, end = 1000 }, token);
        Assert.That(empty.Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task ConsumedCloudUnits_AreCurrentAllocation()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        await t.PostAsync("cloudapi/machines/create", OvcCallsSyncAndAsyncTests.MachineBody(t, "a", sizeId: 4, disksize: 20).ToJsonString(), token);
        var b = (await t.PostAsync("cloudapi/machines/create", OvcCallsSyncAndAsyncTests.MachineBody(t, "b", sizeId: 2).ToJsonString(), token)).Json!.GetValue<int>();
        await t.PostAsync("cloudapi/machines/stop", new { machineId = b }, token);

        var units = (await t.PostAsync("cloudapi/accounts/getConsumedCloudUnits", new { accountId = t.Info.AccountId }, token)).Json!;
        Assert.That(units["CU_M"]!.GetValue<double>(), Is.EqualTo(5.0), "4 GiB + 1 GiB: halted machines count");
        Assert.That(units["CU_C"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(units["CU_D"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(units["CU_I"]!.GetValue<int>(), Is.EqualTo(1));
    }

    private static async Task<JsonObject> ConsumptionAsync(OvcTester t, string token, long start = 0, long end = 4_000_000_000)
    {
        var reply = await t.PostAsync("cloudapi/accounts/getConsumption", new { accountId = t.Info.AccountId, start, end }, token);
        Assert.That(reply.Code, Is.EqualTo(200), reply.Body);
        return reply.Json!.AsObject();
    }

    private static JsonNode VmAt(JsonObject consumption, long hour, int machineId) =>
        consumption[hour.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["cloudspaces"]!.AsArray()
            .SelectMany(s => s!["machines"]!.AsArray())
            .Single(m => m!["type"]!.GetValue<string>() == "vm" && m["id"]!.GetValue<int>() == machineId)!;
}
