using Peer2Peer.Devnet.Sia;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>Nothing a client sends crashes a node or changes the chain: malformed fields get siad's 4xx and a message.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class BadInputTests
{
    [TestCase(SiadVersion.V159)]
    [TestCase(SiadVersion.V133)]
    public async Task RandomAndMalformedInputIsRefusedAndTheChainIsUntouched(SiadVersion version)
    {
        await using var tester = await DevnetTester.StartAsync(version, auth: true);
        var http = tester.Http();
        var tip = tester.Devnet.Chain.TipId;
        var random = new Random(42);
        TestContext.Out.WriteLine("random seed 42");
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length >= 8)
            {
                BitConverter.GetBytes(ulong.MaxValue - (ulong)i).CopyTo(bytes, 0);
            }

            var response = await http.PostFormAsync("/tpool/raw", new Dictionary<string, string>
            {
                ["parents"] = i % 2 == 0 ? "AAAAAAAAAAA=" : Convert.ToBase64String(bytes),
                ["transaction"] = Convert.ToBase64String(bytes),
            });
            Assert.That(response.Status, Is.EqualTo(400), response.ToString());
            Assert.That(response.Message, Does.StartWith("error "));
        }

        string[] jsonBodies = ["", "{", "[{\"storageproofs\":[{\"segment\":[1,2,3]}]}]", "[{\"minerfees\":[\"-1\"]}]", "[{\"siacoininputs\":[{\"parentid\":\"zz\"}]}]", "[1,2,3]"];
        foreach (var body in jsonBodies)
        {
            Assert.That((await http.PostJsonAsync("/consensus/validate/transactionset", body)).Status, Is.EqualTo(400), body);
            if (version == SiadVersion.V159)
            {
                Assert.That((await http.PostJsonAsync("/wallet/sign", "{\"transaction\":" + (body.StartsWith('[') ? body.Trim('[', ']') : body) + "}")).Status, Is.EqualTo(400), body);
            }
        }

        Assert.That((await http.GetAsync("/tpool/confirmed/" + new string('z', 64))).Status, Is.EqualTo(400));
        Assert.That((await http.GetAsync("/wallet/transaction/nothex")).Status, Is.EqualTo(400));
        Assert.That((await http.PostFormAsync("/wallet/siacoins", new Dictionary<string, string> { ["amount"] = "1", ["destination"] = "abc" })).Message,
            Is.EqualTo("could not read address from POST call to /wallet/siacoins"));
        Assert.That((await http.PostFormAsync("/host", new Dictionary<string, string> { ["maxduration"] = "-5" })).Message, Does.StartWith("error parsing host settings: "));
        Assert.That((await http.GetAsync("/consensus")).Status, Is.EqualTo(200));
        Assert.That(tester.Devnet.Chain.TipId, Is.EqualTo(tip));
        Assert.That(tester.Devnet.Chain.Read(c => c.Pool.Count), Is.Zero);
    }
}
