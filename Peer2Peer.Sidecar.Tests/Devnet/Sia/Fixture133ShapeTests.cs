using Newtonsoft.Json.Linq;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>
/// The 1.3.3 profile answers every request captured from a real siad 1.3.3 (../shared/fixtures/siad-1.3.3/*.json) with the
/// same status code and the same JSON shape (keys in order, value kinds); values differ.
/// </summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class Fixture133ShapeTests
{
    private DevnetTester _tester = null!;
    private SiadHttp _a = null!;
    private SiadHttp _b = null!;
    private ulong _sendHeight;

    [SetUp]
    public async Task StartAsync()
    {
        _tester = await DevnetTester.StartAsync(SiadVersion.V133, auth: true);
        _a = _tester.Http(0);
        _b = _tester.Http(1);

        // Node A hosts (accepting contracts) and announces; a probe host with an unknown key announces too; A pays B.
        Assert.That((await _a.PostFormAsync("/host", new Dictionary<string, string> { ["acceptingcontracts"] = "true" })).Status, Is.EqualTo(204));
        Assert.That((await _a.PostFormAsync("/host/announce", new Dictionary<string, string> { ["netaddress"] = "host-a.siadev.test:9982" })).Status, Is.EqualTo(204));
        var (id, value) = (_tester.Fund(TestKeys.AddressA, Currency.Siacoins(100)), Currency.Siacoins(100));
        using var probeKey = TestKeys.KeyB();
        var announcement = new HostAnnouncement("probe-host.example.com:9982", TestKeys.PublicB).Sign(probeKey);
        using var keyA = TestKeys.KeyA();
        var probe = _tester.Sign(new Transaction
        {
            SiacoinInputs = [new SiacoinInput { ParentId = id, UnlockConditions = UnlockConditions.Standard(TestKeys.PublicA) }],
            MinerFees = [value],
            ArbitraryData = [announcement],
            TransactionSignatures = [new TransactionSignature { ParentId = id, CoveredFields = CoveredFields.Whole }],
        }, keyA);
        Assert.That((await _tester.SubmitAsync(probe)).Status, Is.EqualTo(204));
        var to = (string)(await _b.GetAsync("/wallet/address")).Json["address"]!;
        Assert.That((await _a.PostFormAsync("/wallet/siacoins", new Dictionary<string, string> { ["amount"] = Currency.Siacoins(1000).ToString(), ["destination"] = to })).Status, Is.EqualTo(200));
        _tester.Devnet.Mine();
        _sendHeight = _tester.Devnet.Chain.Height;
    }

    [TearDown]
    public async Task StopAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _tester.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("consensus.json", "GET /consensus");
        yield return new TestCaseData("daemon-constants.json", "GET /daemon/constants");
        yield return new TestCaseData("daemon-version.json", "GET /daemon/version");
        yield return new TestCaseData("error-bad-amount.json", "POST /wallet/siacoins amount=abc");
        yield return new TestCaseData("error-bad-password.json", "GET /wallet/address (wrong password)");
        yield return new TestCaseData("error-block-unknown-height.json", "GET /consensus/blocks?height=1000000");
        yield return new TestCaseData("error-no-user-agent.json", "GET /consensus (no agent)");
        yield return new TestCaseData("error-tpool-raw-garbage.json", "POST /tpool/raw garbage");
        yield return new TestCaseData("error-unknown-route.json", "GET /unknown");
        yield return new TestCaseData("error-wrong-verb.json", "POST /consensus");
        yield return new TestCaseData("gateway-A.json", "GET /gateway");
        yield return new TestCaseData("host-A.json", "GET /host");
        yield return new TestCaseData("hostdb-active-B.json", "GET /hostdb/active on B");
        yield return new TestCaseData("hostdb-all-B.json", "GET /hostdb/all on B");
        yield return new TestCaseData("miner-A.json", "GET /miner");
        yield return new TestCaseData("tpool-confirmed-unknown.json", "GET /tpool/confirmed/unknown");
        yield return new TestCaseData("tpool-fee.json", "GET /tpool/fee");
        yield return new TestCaseData("wallet-address.json", "GET /wallet/address");
        yield return new TestCaseData("wallet-transactions-B.json", "GET /wallet/transactions on B");
        yield return new TestCaseData("wallet.json", "GET /wallet");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task AnswersLikeTheRealNode(string fixture, string request)
    {
        var expected = (JObject)SiadResponse.ParseJson(await File.ReadAllTextAsync(TestPaths.Fixture("siad-1.3.3/" + fixture)));
        var actual = await SendAsync(fixture);
        Assert.That(actual.Status, Is.EqualTo((int)expected["status"]!), $"{request}: {actual}");
        var expectedBody = expected["body"]!;
        if (expectedBody.Type == JTokenType.String)
        {
            Assert.That(actual.Body, Is.EqualTo((string)expectedBody!));
            return;
        }

        AssertSameShape(expectedBody, actual.Json, "$");
        if (fixture.StartsWith("error-", StringComparison.Ordinal) || fixture == "tpool-fee.json" || fixture == "tpool-confirmed-unknown.json")
        {
            Assert.That(actual.Json.ToString(), Is.EqualTo(expectedBody.ToString()), "errors and constants are identical");
        }
    }

    private Task<SiadResponse> SendAsync(string fixture) => fixture switch
    {
        "consensus.json" => _a.GetAsync("/consensus"),
        "daemon-constants.json" => _a.GetAsync("/daemon/constants"),
        "daemon-version.json" => _a.GetAsync("/daemon/version"),
        "error-bad-amount.json" => _a.PostFormAsync("/wallet/siacoins", new Dictionary<string, string> { ["amount"] = "abc", ["destination"] = UnlockHash.Void.ToString() }),
        "error-bad-password.json" => _a.GetAsync("/wallet/address", password: "not-devnet"),
        "error-block-unknown-height.json" => _a.GetAsync("/consensus/blocks?height=1000000"),
        "error-no-user-agent.json" => _a.GetAsync("/consensus", userAgent: null),
        "error-tpool-raw-garbage.json" => _a.PostFormAsync("/tpool/raw", new Dictionary<string, string> { ["parents"] = "AAAAAAAAAAA=", ["transaction"] = "garbage" }),
        "error-unknown-route.json" => _a.GetAsync("/unknown"),
        "error-wrong-verb.json" => _a.PostFormAsync("/consensus"),
        "gateway-A.json" => _a.GetAsync("/gateway"),
        "host-A.json" => _a.GetAsync("/host"),
        "hostdb-active-B.json" => _b.GetAsync("/hostdb/active"),
        "hostdb-all-B.json" => _b.GetAsync("/hostdb/all"),
        "miner-A.json" => _a.GetAsync("/miner"),
        "tpool-confirmed-unknown.json" => _a.GetAsync("/tpool/confirmed/" + new string('e', 64)),
        "tpool-fee.json" => _a.GetAsync("/tpool/fee"),
        "wallet-address.json" => _a.GetAsync("/wallet/address"),
        "wallet-transactions-B.json" => _b.GetAsync($"/wallet/transactions?startheight={_sendHeight}&endheight={_sendHeight}"),
        "wallet.json" => _a.GetAsync("/wallet"),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
    };

    /// <summary>Same keys in the same order, same kinds of values; arrays compare their first elements.</summary>
    internal static void AssertSameShape(JToken expected, JToken actual, string path)
    {
        Assert.That(Kind(actual), Is.EqualTo(Kind(expected)), $"kind at {path}");
        switch (expected)
        {
            case JObject expectedObject:
                var actualObject = (JObject)actual;
                Assert.That(actualObject.Properties().Select(p => p.Name), Is.EqualTo(expectedObject.Properties().Select(p => p.Name)), $"keys at {path}");
                foreach (var property in expectedObject.Properties())
                {
                    AssertSameShape(property.Value, actualObject[property.Name]!, $"{path}.{property.Name}");
                }

                break;
            case JArray { Count: > 0 } expectedArray when actual is JArray { Count: > 0 } actualArray:
                AssertSameShape(expectedArray[0], actualArray[0], $"{path}[0]");
                break;
        }
    }

    private static string Kind(JToken token) => token.Type switch
    {
        JTokenType.Integer or JTokenType.Float => "number",
        _ => token.Type.ToString(),
    };
}
