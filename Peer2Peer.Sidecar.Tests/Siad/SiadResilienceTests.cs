using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Siad;

/// <summary>Retries only for safe calls, never for spends; the circuit opens and recovers; a starting siad is waited out.</summary>
[Category("Unit")]
public sealed class SiadResilienceTests
{
    private const string Consensus = """{"synced":true,"height":7,"currentblock":"0000000000000000000000000000000000000000000000000000000000000007"}""";

    private static HttpResponseMessage Error(HttpStatusCode status) => StubHttpHandler.Json(status, """{"message":"injected"}""");

    [Test]
    public async Task ReadsAreRetriedThroughServerErrors()
    {
        var handler = new StubHttpHandler((_, n) => n <= 2 ? Error(HttpStatusCode.InternalServerError) : StubHttpHandler.Json(HttpStatusCode.OK, Consensus));
        var client = SiadTestHost.Build(handler).GetRequiredService<ISiadClient>();

        var tip = await client.GetConsensusAsync(CancellationToken.None);

        Assert.That(tip.Height, Is.EqualTo(7));
        Assert.That(handler.Count("/consensus"), Is.EqualTo(3));
    }

    [Test]
    public async Task ResubmittingATransactionIsRetried()
    {
        var handler = new StubHttpHandler((_, n) => n == 1 ? Error(HttpStatusCode.BadGateway) : new HttpResponseMessage(HttpStatusCode.NoContent));
        var client = SiadTestHost.Build(handler).GetRequiredService<ISiadClient>();

        await client.BroadcastAsync(new Transaction(), [], CancellationToken.None);

        Assert.That(handler.Count("/tpool/raw"), Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ASlowAnswerTimesOutAndIsRetriedForAReadButNotForASpend(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?> { ["Siad:AttemptTimeout"] = "00:00:00.200" };
        // Injected latency, far longer than one attempt may take, on the first request only.
        var slowFirst = new StubHttpHandler((request, _) => request.RequestUri!.AbsolutePath == "/wallet/transactions"
                ? StubHttpHandler.Json(HttpStatusCode.OK, """{"confirmedtransactions":null,"unconfirmedtransactions":null}""")
                : StubHttpHandler.Json(HttpStatusCode.OK, Consensus))
        {
            Latency = (_, n) => n == 1 ? TimeSpan.FromSeconds(5) : TimeSpan.Zero,
        };
        var read = SiadTestHost.Build(slowFirst, settings).GetRequiredService<ISiadClient>();

        var tip = await read.GetConsensusAsync(cancellationToken);

        Assert.That(tip.Height, Is.EqualTo(7));
        Assert.That(slowFirst.Count("/consensus"), Is.EqualTo(2), "the timed-out attempt was retried");

        var slowSpend = new StubHttpHandler((request, _) => request.RequestUri!.AbsolutePath == "/wallet/transactions"
                ? StubHttpHandler.Json(HttpStatusCode.OK, """{"confirmedtransactions":null,"unconfirmedtransactions":null}""")
                : StubHttpHandler.Json(HttpStatusCode.OK, Consensus))
        {
            Latency = (request, _) => request.RequestUri!.AbsolutePath == "/wallet/siacoins" ? TimeSpan.FromSeconds(5) : TimeSpan.Zero,
        };
        var time = new FakeTimeProvider();
        var spender = SiadTestHost.Build(slowSpend, settings, time).GetRequiredService<ISiadClient>();
        var sending = spender.SendSiacoinsAsync(Currency.OneSiacoin, TestKeys.AddressB, cancellationToken);
        while (!sending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, cancellationToken);
        }

        Assert.ThrowsAsync<SiadOutcomeUnknownException>(async () => await sending, "no such payment appeared: reported, never resent");
        Assert.That(slowSpend.Count("/wallet/siacoins"), Is.EqualTo(1));
    }

    [Test]
    public void ASpendIsNeverRetriedOnAServerError()
    {
        var handler = new StubHttpHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/wallet/siacoins" => Error(HttpStatusCode.InternalServerError),
            "/consensus" => StubHttpHandler.Json(HttpStatusCode.OK, Consensus),
            _ => StubHttpHandler.Json(HttpStatusCode.OK, """{"confirmedtransactions":null,"unconfirmedtransactions":null}"""),
        });
        var client = SiadTestHost.Build(handler).GetRequiredService<ISiadClient>();

        var error = Assert.ThrowsAsync<SiadApiException>(async () => await client.SendSiacoinsAsync(Currency.OneSiacoin, UnlockHash.Void, CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(handler.Count("/wallet/siacoins"), Is.EqualTo(1));
    }

    [Test]
    public async Task ASpendWhoseAnswerWasLostIsFoundInTheWalletInsteadOfResent()
    {
        var time = new FakeTimeProvider();
        var destination = TestKeys.AddressB;
        var sent = false;
        var handler = new StubHttpHandler((request, _) =>
        {
            switch (request.RequestUri!.AbsolutePath)
            {
                case "/wallet/siacoins":
                    sent = true;
                    throw new HttpRequestException("connection reset by peer");
                case "/consensus":
                    return StubHttpHandler.Json(HttpStatusCode.OK, Consensus);
                default:
                    var payment = $$$"""{"transactionid":"{{{TestKeys.Repeat(0xaa)}}}","transaction":{"siacoinoutputs":[{"value":"1000000000000000000000000","unlockhash":"{{{destination}}}"}]}}""";
                    return StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"confirmedtransactions":null,"unconfirmedtransactions":[{{(sent ? payment : "")}}]}""");
            }
        });
        var client = SiadTestHost.Build(handler, time: time).GetRequiredService<ISiadClient>();

        var sending = client.SendSiacoinsAsync(Currency.OneSiacoin, destination, CancellationToken.None);
        while (!sending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.That(await sending, Is.EqualTo(new[] { TestKeys.Repeat(0xaa) }));
        Assert.That(handler.Count("/wallet/siacoins"), Is.EqualTo(1), "the lost send is never repeated");
    }

    [Test]
    public async Task TheCircuitOpensUnderRepeatedFailuresAndRecovers()
    {
        var time = new FakeTimeProvider();
        var healthy = false;
        var handler = new StubHttpHandler((_, _) => healthy ? StubHttpHandler.Json(HttpStatusCode.OK, Consensus) : Error(HttpStatusCode.ServiceUnavailable));
        var client = SiadTestHost.Build(handler, new Dictionary<string, string?> { ["Siad:MaxRetries"] = "0" }, time).GetRequiredService<ISiadClient>();

        for (var i = 0; i < 20; i++)
        {
            Assert.ThrowsAsync<SiadApiException>(async () => await client.GetConsensusAsync(CancellationToken.None));
        }

        var callsBeforeOpen = handler.Requests.Count;
        var open = Assert.ThrowsAsync<SiadUnreachableException>(async () => await client.GetConsensusAsync(CancellationToken.None));
        Assert.That(open!.Message, Does.Contain("circuit open"));
        Assert.That(handler.Requests, Has.Count.EqualTo(callsBeforeOpen), "an open circuit does not call siad");

        healthy = true;
        time.Advance(TimeSpan.FromSeconds(6));
        var tip = await client.GetConsensusAsync(CancellationToken.None);
        Assert.That(tip.Height, Is.EqualTo(7));
    }

    [Test]
    public async Task ASiadThatIsStillLoadingIsWaitedOut()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHttpHandler((request, n) => n <= 6
            ? StubHttpHandler.Json((HttpStatusCode)490, """{"message":"490 Module not loaded - Refer to API.md"}""")
            : request.RequestUri!.AbsolutePath switch
            {
                "/daemon/version" => StubHttpHandler.Json(HttpStatusCode.OK, """{"version":"1.5.9","gitrevision":"x","buildtime":"y"}"""),
                "/daemon/constants" => StubHttpHandler.Json(HttpStatusCode.OK, """{"blockfrequency":12,"maturitydelay":10,"genesistimestamp":1424139000}"""),
                _ => StubHttpHandler.Json(HttpStatusCode.OK, Consensus),
            });
        var services = SiadTestHost.Build(handler, new Dictionary<string, string?> { ["Siad:MaxRetries"] = "0" }, time);
        var connection = services.GetRequiredService<SiadConnection>();

        await connection.StartAsync(CancellationToken.None);
        while (connection.Info is null && connection.ExecuteTask is { IsCompleted: false })
        {
            Assert.That(connection.Problem, Does.Contain("waiting for siad").Or.Contain("connecting"));
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.That(connection.Info!.Version.Generation, Is.EqualTo(SiadGeneration.V15));
        Assert.That(connection.Info.Rules, Is.EqualTo(Peer2Peer.Sia.Signing.ChainRules.Siad15Dev));
        Assert.That(connection.Problem, Is.Null);
        await connection.StopAsync(CancellationToken.None);
    }

    [TestCase("1.3.3", SiadGeneration.V13)]
    [TestCase("1.3.7", SiadGeneration.V13)]
    [TestCase("1.5.9", SiadGeneration.V15)]
    [TestCase("1.5.0", SiadGeneration.V15)]
    public void SupportedVersions(string text, SiadGeneration generation)
    {
        Assert.That(SiadVersion.TryParse(text, out var version, out _), Is.True);
        Assert.That(version!.Generation, Is.EqualTo(generation));
    }

    [TestCase("1.3.2")]
    [TestCase("1.4.11")]
    [TestCase("2.0.0")]
    [TestCase("?.?.?")]
    public void UnsupportedVersionsSayWhatIsSupported(string text)
    {
        Assert.That(SiadVersion.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("supported: 1.3.3 and later 1.3.x, and 1.5.x"));
    }
}
