using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Siad;

/// <summary>The siad client's JSON models and error mapping against responses captured from a real siad 1.3.3.</summary>
[Category("Unit")]
public sealed class SiadClientFixtureTests
{
    private static readonly Dictionary<string, string> Routes = new()
    {
        ["/daemon/version"] = "daemon-version.json",
        ["/daemon/constants"] = "daemon-constants.json",
        ["/consensus"] = "consensus.json",
        ["/tpool/fee"] = "tpool-fee.json",
        ["/wallet"] = "wallet.json",
        ["/wallet/address"] = "wallet-address.json",
        ["/wallet/transactions"] = "wallet-transactions-B.json",
        ["/gateway"] = "gateway-A.json",
        ["/miner"] = "miner-A.json",
        ["/host"] = "host-A.json",
        ["/hostdb/all"] = "hostdb-all-B.json",
        ["/hostdb/active"] = "hostdb-active-B.json",
    };

    private static HttpResponseMessage Fixture(string name)
    {
        var captured = JObject.Parse(File.ReadAllText(TestPaths.Fixture("siad-1.3.3/" + name)));
        var body = captured["body"]!;
        return StubHttpHandler.Json((HttpStatusCode)(int)captured["status"]!, body.Type == JTokenType.String ? (string)body! : body.ToString());
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/consensus/blocks")
        {
            var height = int.Parse(request.RequestUri.Query.Split('=')[1]);
            var line = File.ReadLines(TestPaths.Fixture("siad-1.3.3/blocks.jsonl")).ElementAtOrDefault(height);
            return line is null ? Fixture("error-block-unknown-height.json") : StubHttpHandler.Json(HttpStatusCode.OK, line);
        }

        if (path.StartsWith("/tpool/confirmed/", StringComparison.Ordinal))
        {
            return Fixture("tpool-confirmed-unknown.json");
        }

        return Routes.TryGetValue(path, out var file) ? Fixture(file) : Fixture("error-unknown-route.json");
    }

    private static (ISiadClient Client, ISiadApi Api, StubHttpHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage>? respond = null)
    {
        var handler = new StubHttpHandler((request, _) => (respond ?? Respond)(request));
        var services = SiadTestHost.Build(handler, new Dictionary<string, string?> { ["Siad:ApiPassword"] = "devnet" });
        return (services.GetRequiredService<ISiadClient>(), services.GetRequiredService<ISiadApi>(), handler);
    }

    [Test]
    public async Task ReadsEveryCapturedResponse()
    {
        var (client, api, _) = Create();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var token = cancellation.Token;

        var version = await client.GetVersionAsync(token);
        var tip = await client.GetConsensusAsync(token);
        var fee = await client.GetTransactionFeeAsync(token);
        var wallet = await client.GetWalletAsync(token);
        var hosts = await client.GetAllHostsAsync(token);
        var host = await client.GetHostAsync(token);
        var constants = await client.GetConstantsAsync(token);
        var transactions = await api.GetWalletTransactionsAsync(0, 111, token);
        var gateway = await api.GetGatewayAsync(token);
        var miner = await api.GetMinerAsync(token);
        var address = await api.GetWalletAddressAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(version.Generation, Is.EqualTo(SiadGeneration.V13));
            Assert.That(tip, Is.EqualTo(new ConsensusTip(true, 111, Hash256.Parse("0000018e9520f8de2d0cd46da3d41740173bbd2dd52fbb721ba7fab7eafff127"))));
            Assert.That(fee.MaximumPerByte, Is.EqualTo(Currency.Parse("30000000000000000000")));
            Assert.That(wallet.Unlocked, Is.True);
            Assert.That(wallet.ConfirmedSiacoinBalance, Is.EqualTo(Currency.Parse("29693219875316010615490092510784")));
            Assert.That(hosts, Is.Not.Empty);
            Assert.That(hosts.All(h => h.PublicKeyString == h.PublicKey.ToString()), Is.True);
            Assert.That(host.PublicKey, Is.Null, "siad 1.3.3's GET /host has no publickey");
            Assert.That(host.ExternalSettings.NetAddress, Is.Not.Empty);
            Assert.That(constants.BlockFrequency, Is.EqualTo(12));
            Assert.That(transactions.ConfirmedTransactions, Is.Not.Empty);
            Assert.That(transactions.ConfirmedTransactions.Where(t => t.Transaction.SiacoinInputs.Count > 0).All(t => t.Transaction.Id == t.TransactionId), Is.True,
                "wallet transaction IDs re-derive");
            Assert.That(gateway.Peers, Has.Count.EqualTo(1));
            Assert.That(miner.BlocksMined, Is.EqualTo(107));
            Assert.That(address.Address.ToString(), Does.StartWith("881644eb"));
        });
    }

    [Test]
    public async Task BlocksAreCheckedAgainstTheirIdsAndEndAtTheTip()
    {
        var (client, _, _) = Create();

        var block = await client.GetBlockAsync(88, CancellationToken.None);
        var beyondTip = await client.GetBlockAsync(112, CancellationToken.None);

        Assert.That(block!.Block.Transactions.Any(t => t.FileContracts.Count > 0), Is.True);
        Assert.That(block.Id, Is.EqualTo(block.Block.Id));
        Assert.That(beyondTip, Is.Null);
    }

    [Test]
    public void ABlockWhoseIdDoesNotRederiveIsAProtocolError()
    {
        var line = JObject.Parse(File.ReadLines(TestPaths.Fixture("siad-1.3.3/blocks.jsonl")).ElementAt(5));
        line["timestamp"] = (ulong)line["timestamp"]! + 1;
        var (client, _, handler) = Create(_ => StubHttpHandler.Json(HttpStatusCode.OK, line.ToString()));

        var error = Assert.CatchAsync(async () => await client.GetBlockAsync(5, CancellationToken.None));

        Assert.That(error, Is.TypeOf<SiadProtocolException>().With.Message.Contains("hash to"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "a wrong answer is not retried");
    }

    [TestCase("error-bad-password.json", typeof(SiadAuthenticationException), "API authentication failed")]
    [TestCase("error-unknown-route.json", typeof(SiadRouteNotFoundException), "404 - Refer to API.md")]
    [TestCase("error-wrong-verb.json", typeof(SiadApiException), "Method Not Allowed")]
    [TestCase("error-no-user-agent.json", typeof(SiadApiException), "Browser access disabled")]
    [TestCase("error-bad-amount.json", typeof(SiadApiException), "could not read amount")]
    public void ErrorsBecomeTypedExceptionsWithSiadsMessage(string fixture, Type exceptionType, string message)
    {
        var (client, _, _) = Create(_ => Fixture(fixture));

        var error = Assert.CatchAsync<SiadException>(async () => await client.GetWalletAsync(CancellationToken.None));

        Assert.That(error, Is.TypeOf(exceptionType));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void UndecodableTransactionIsReportedWithSiadsWording()
    {
        var (client, _, _) = Create(_ => Fixture("error-tpool-raw-garbage.json"));

        var error = Assert.ThrowsAsync<SiadApiException>(async () => await client.BroadcastAsync(new Transaction(), [], CancellationToken.None));

        Assert.That(error!.SiadMessage, Does.StartWith("error decoding transaction:"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task SendsSiaAgentAndBasicAuthWithEmptyUserName()
    {
        var (client, _, handler) = Create();

        await client.GetConsensusAsync(CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.That(request.UserAgent, Is.EqualTo("Sia-Agent"));
        Assert.That(request.Authorization, Is.EqualTo("Basic OmRldm5ldA=="), "what siac 1.3.3 sends for 'devnet'");
    }

    [Test]
    public async Task BroadcastSendsBase64BinaryAndAnEmptyParentList()
    {
        var (client, _, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var transaction = new Transaction { ArbitraryData = [[1, 2, 3]] };

        await client.BroadcastAsync(transaction, [], CancellationToken.None);

        var form = System.Web.HttpUtility.ParseQueryString(handler.Requests.Single().Body!);
        Assert.That(form["parents"], Is.EqualTo("AAAAAAAAAAA="));
        Assert.That(Convert.FromBase64String(form["transaction"]!), Is.EqualTo(Peer2Peer.Sia.Encoding.SiaEncoding.Encode(transaction)));
    }
}
