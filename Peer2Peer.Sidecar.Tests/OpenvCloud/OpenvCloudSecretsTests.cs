using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Sidecar.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>The client secret, password, tokens and authkeys never appear in a log line (Trace and up) or an exception message.</summary>
[Category("Devnet")]
[CancelAfter(60_000)]
public sealed class OpenvCloudSecretsTests
{
    [TestCase("jwt")]
    [TestCase("authkey")]
    public async Task NoSecretReachesALogOrAnExceptionMessage(string authMode)
    {
        await using var host = await OvcClientHost.StartAsync(authMode);
        var client = host.Client;
        var messages = new List<string>();
        var faults = host.Devnet!.First.Faults;

        await client.ListSizesAsync("be-g8-1", CancellationToken.None);
        var id = await client.CreateMachineAsync(new OvcMachineSpec(host.Info.CloudSpaceId, "s", 1, 10) { SizeId = 1 }, CancellationToken.None);
        host.Devnet.Wall.Advance(TimeSpan.FromMinutes(61)); // token renewal or 419 + re-login
        await client.GetMachineAsync(id, CancellationToken.None);
        faults.Set(new FaultState { ErrorStatus = 500, ErrorCount = 1 });
        messages.Add(Assert.CatchAsync<OpenvCloudException>(() => client.StartMachineAsync(id, CancellationToken.None))!.ToString());
        messages.Add(Assert.CatchAsync<OpenvCloudException>(() => client.StartMachineAsync(999, CancellationToken.None))!.ToString());
        faults.Set(new FaultState { Down = true });
        messages.Add(Assert.CatchAsync<OpenvCloudException>(() => client.StopMachineAsync(id, false, CancellationToken.None))!.ToString());
        messages.Add((await client.GetHealthAsync(CancellationToken.None)).ToString());
        faults.Clear();
        await using (var wrong = await OvcClientHost.StartAsync(authMode, new Dictionary<string, string?>
                     {
                         ["OpenvCloud:ClientSecret"] = host.Info.ClientSecret + "x", ["OpenvCloud:Password"] = host.Info.ConsumerPassword + "x",
                     }))
        {
            messages.Add(Assert.CatchAsync<OpenvCloudException>(() => wrong.Client.ListSizesAsync("be-g8-1", CancellationToken.None))!.ToString());
            messages.AddRange(wrong.Logs.Lines);
        }

        var secrets = host.Requests.Credentials.Concat([host.Info.ClientSecret, host.Info.ConsumerPassword]).ToList();
        Assert.That(secrets, Has.Count.GreaterThanOrEqualTo(4), "two credentials were used, and the two configured secrets");
        Assert.That(host.Logs.Lines, Is.Not.Empty);
        foreach (var secret in secrets)
        {
            Assert.That(host.Logs.Lines.Concat(messages).Where(l => l.Contains(secret, StringComparison.Ordinal)), Is.Empty,
                $"a secret of {secret.Length} characters appeared");
        }
    }
}
