using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.OpenvCloud;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>Answers no devnet controller gives: malformed, oversized, 202, lost answers, odd identity tokens; options and redaction.</summary>
[Category("Unit")]
[CancelAfter(30_000)]
public sealed class OpenvCloudClientUnitTests
{
    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) => StubHttpHandler.Json(status, json);

    [TestCase("[{\"id\":1,")]
    [TestCase("{\"id\":1}")]
    [TestCase("[{\"id\":\"one\",\"locationCode\":\"x\"}]")]
    [TestCase("[{\"id\":1,\"locationCode\":\"x\"}] trailing")]
    [TestCase("[null]")]
    [TestCase("null")]
    [TestCase("")]
    [TestCase("[{\"id\":1}]")]
    [TestCase("<html>oops</html>")]
    public async Task MalformedAnswers_AreProtocolErrors(string body)
    {
        await using var host = OvcClientHost.WithStub((_, _) => Json(body));

        var error = Assert.ThrowsAsync<OpenvCloudProtocolException>(() => host.Client.ListLocationsAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("OpenvCloud").Or.Contain("locations/list"));
    }

    [Test]
    public async Task DeeplyNestedJson_IsAProtocolError()
    {
        var body = new string('[', 5000) + new string(']', 5000);
        await using var host = OvcClientHost.WithStub((_, _) => Json(body));

        Assert.ThrowsAsync<OpenvCloudProtocolException>(() => host.Client.ListLocationsAsync(CancellationToken.None));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task OversizedAnswers_AreProtocolErrors_WithOrWithoutContentLength(bool declareLength)
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{\"id\":1,\"locationCode\":\"be-g8-1\",\"name\":\"padding padding\"}", 4000)) + "]";
        await using var host = OvcClientHost.WithStub((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = declareLength ? new StringContent(body, Encoding.UTF8, "application/json") : new UnsizedContent(Encoding.UTF8.GetBytes(body)),
        }, new Dictionary<string, string?> { ["OpenvCloud:MaxResponseBytes"] = "65536" });

        var error = Assert.ThrowsAsync<OpenvCloudProtocolException>(() => host.Client.ListLocationsAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("65536"));
    }

    [Test]
    public async Task ImpossibleValues_AreProtocolErrors()
    {
        await using var host = OvcClientHost.WithStub((_, _) => Json("""[{"id":2,"name":"x","vcpus":0,"memory":1024,"disks":[10]}]"""));

        var error = Assert.ThrowsAsync<OpenvCloudProtocolException>(() => host.Client.ListSizesAsync("be-g8-1", CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("vcpus 0"));
    }

    [Test]
    public async Task ServerErrorPage_BecomesATypedErrorWithTheSupportReference_NotHtml()
    {
        const string page = "<html><body>Your service request could not be fulfilled correctly, please contact support and mention \"eco-66-0f1e2d3c-aaaa-bbbb-cccc-111122223333\".</body></html>";
        await using var host = OvcClientHost.WithStub((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent(page, Encoding.UTF8, "text/html"),
        }, new Dictionary<string, string?> { ["OpenvCloud:MaxRetries"] = "0" });

        var error = Assert.ThrowsAsync<OpenvCloudServerException>(() => host.Client.StartMachineAsync(12, CancellationToken.None));

        Assert.That(error!.ServerMessage, Is.EqualTo("internal server error, support reference eco-66-0f1e2d3c-aaaa-bbbb-cccc-111122223333"));
    }

    [Test]
    public async Task Accepted202_IsPending_AndNotRepeated()
    {
        await using var host = OvcClientHost.WithStub((_, _) => new HttpResponseMessage(HttpStatusCode.Accepted));

        Assert.ThrowsAsync<OpenvCloudPendingException>(() => host.Client.StopMachineAsync(12, false, CancellationToken.None));

        Assert.That(host.Requests.Count("machines/stop"), Is.EqualTo(1));
    }

    [Test]
    public async Task RateLimited429_IsRetriedEvenForCreate_BecauseTheCallDidNotRun()
    {
        await using var host = OvcClientHost.WithStub((_, n) => n == 1 ? Json("\"slow down\"", HttpStatusCode.TooManyRequests) : Json("41"));

        var id = await host.Client.CreateMachineAsync(new OvcMachineSpec(7, "web", 1, 10) { SizeId = 1 }, CancellationToken.None);

        Assert.That(id, Is.EqualTo(41));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(2));
    }

    [Test]
    public async Task ACreateWhoseAnswerWasLost_IsFoundByNameInsteadOfResent()
    {
        var created = false;
        await using var host = OvcClientHost.WithStub((request, _) =>
        {
            switch (request.RequestUri!.AbsolutePath)
            {
                case "/restmachine/cloudapi/machines/create":
                    created = true;
                    throw new HttpRequestException("connection reset by peer");
                default:
                    return Json(created
                        ? """[{"id":77,"name":"web","status":"RUNNING","sizeId":1,"imageId":1,"vcpus":1,"memory":512,"storage":10,"creationTime":1,"updateTime":1}]"""
                        : "[]");
            }
        });

        var id = await host.Client.CreateMachineAsync(new OvcMachineSpec(7, "web", 1, 10) { SizeId = 1 }, CancellationToken.None);

        Assert.That(id, Is.EqualTo(77));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(1));
    }

    [Test]
    public async Task ACreateThatFailedAndCannotBeChecked_IsOutcomeUnknown()
    {
        await using var host = OvcClientHost.WithStub((_, _) => throw new HttpRequestException("connection refused"),
            new Dictionary<string, string?> { ["OpenvCloud:MaxRetries"] = "0" });

        Assert.ThrowsAsync<OpenvCloudOutcomeUnknownException>(() =>
            host.Client.CreateMachineAsync(new OvcMachineSpec(7, "web", 1, 10) { SizeId = 1 }, CancellationToken.None));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(1));
    }

    [TestCase("not a jwt")]
    [TestCase("a.b")]
    [TestCase("aGVhZA.bm90IGpzb24.c2ln")]
    [TestCase("aGVhZA.eyJ1c2VybmFtZSI6ImEifQ.c2ln")]
    [TestCase("aGVhZA.eyJleHAiOiJzb29uIn0.c2ln")]
    public async Task AnIdentityEndpointAnsweringSomethingOtherThanAJwt_IsAProtocolError(string token)
    {
        await using var host = OvcClientHost.WithStub((request, _) => request.RequestUri!.Host == "iam.test"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token) }
            : Json("[]"), new Dictionary<string, string?>
        {
            ["OpenvCloud:AuthMode"] = "jwt", ["OpenvCloud:ClientId"] = "me", ["OpenvCloud:ClientSecret"] = "s3cret-value",
        });

        Assert.ThrowsAsync<OpenvCloudProtocolException>(() => host.Client.ListSizesAsync("x", CancellationToken.None));
        Assert.That(host.Requests.Count("sizes/list"), Is.Zero);
    }

    [Test]
    public async Task ANotConfiguredController_SaysSo()
    {
        await using var host = OvcClientHost.WithStub((_, _) => Json("[]"), new Dictionary<string, string?> { ["OpenvCloud:ApiUrl"] = "" });

        var error = Assert.ThrowsAsync<OpenvCloudNotConfiguredException>(() => host.Client.ListLocationsAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("OpenvCloud:ApiUrl"));
    }

    [Test]
    public void Validator_NamesTheKey_AndNeverEchoesASecret()
    {
        var options = new OpenvCloudOptions
        {
            ApiUrl = "ftp://x", AuthMode = "jwt", ClientId = "", ClientSecret = "top-secret-value", IdentityUrl = "nope", MaxRetries = 99,
            AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(1),
        };

        var result = new OpenvCloudOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Some.Contains("OpenvCloud:ApiUrl").And.Some.Contains("OpenvCloud:IdentityUrl")
            .And.Some.Contains("OpenvCloud:ClientId").And.Some.Contains("OpenvCloud:MaxRetries").And.Some.Contains("OpenvCloud:AttemptTimeout"));
        Assert.That(result.FailureMessage, Does.Not.Contain("top-secret-value"));

        var authkey = new OpenvCloudOptionsValidator().Validate(null, new OpenvCloudOptions { ApiUrl = "http://c", AuthMode = "authkey", Username = "u" });
        Assert.That(authkey.FailureMessage, Does.Contain("OpenvCloud:Password or OpenvCloud:PasswordFile"));
        Assert.That(new OpenvCloudOptionsValidator().Validate(null, new OpenvCloudOptions { AuthMode = "kerberos" }).FailureMessage,
            Does.Contain("OpenvCloud:AuthMode"));
        Assert.That(new OpenvCloudOptionsValidator().Validate(null, new OpenvCloudOptions()).Succeeded, Is.True, "no controller of its own is valid");
    }

    [Test]
    public void CredentialsAndOptions_NeverPrintTheirSecrets()
    {
        var jwt = OpenvCloudCredentials.Jwt(new Uri("http://iam"), "client-1", "client-secret-xyz");
        var authkey = OpenvCloudCredentials.Authkey("alice", "password-xyz");
        var options = new OpenvCloudOptions { ClientSecret = "client-secret-xyz", Password = "password-xyz" };

        Assert.That(jwt.ToString(), Does.Contain("client-1").And.Not.Contain("client-secret-xyz"));
        Assert.That(authkey.ToString(), Does.Contain("alice").And.Not.Contain("password-xyz"));
        Assert.That(options.ToString(), Does.Not.Contain("client-secret-xyz").And.Not.Contain("password-xyz"));
    }

    [Test]
    public async Task SecretsEchoedByAServer_AreRedactedFromExceptionMessages()
    {
        await using var host = OvcClientHost.WithStub((request, _) => request.RequestUri!.Host == "iam.test"
            ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("bad secret s3cret-value-42 for client me") }
            : Json("[]"), new Dictionary<string, string?>
        {
            ["OpenvCloud:AuthMode"] = "jwt", ["OpenvCloud:ClientId"] = "me", ["OpenvCloud:ClientSecret"] = "s3cret-value-42",
        });

        var error = Assert.ThrowsAsync<OpenvCloudAuthenticationException>(() => host.Client.ListSizesAsync("x", CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("[redacted]").And.Not.Contain("s3cret-value-42"));
    }

    /// <summary>A body whose length is not known up front (chunked).</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
