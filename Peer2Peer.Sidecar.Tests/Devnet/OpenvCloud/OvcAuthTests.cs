using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Bearer JWTs from the identity endpoint, legacy authkey sessions, and every documented auth failure.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcAuthTests
{
    [Test]
    public async Task IdentityEndpoint_IssuesEs384JwtWithUsernameAndExp()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var parts = token.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3));
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("ES384"));
        Assert.That(claims["username"]!.GetValue<string>(), Is.EqualTo(t.Info.ConsumerUsername));
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo("itsyouonline"));
        Assert.That(claims["exp"]!.GetValue<long>(), Is.EqualTo(OvcTester.Start.AddHours(1).ToUnixTimeSeconds()));

        using var key = ECDsa.Create();
        key.ImportFromPem(t.Cluster.Identity.PublicKeyPem);
        var verified = key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        Assert.That(verified, Is.True, "a client holding the identity key verifies the token like the Go SDK does");
    }

    [Test]
    public async Task IdentityEndpoint_WrongSecret_Is400()
    {
        await using var t = await OvcTester.StartAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = t.Info.ClientId, ["client_secret"] = "wrong", ["response_type"] = "id_token",
        });
        using var response = await t.Http.PostAsync(t.Info.IdentityUrl + "/v1/oauth/access_token", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Whoami_ShowsUsernameAtItsyouonline_OrGuest()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();

        var me = await t.PostAsync("system/usermanager/whoami", new { }, token);
        Assert.That(me.Json!["name"]!.GetValue<string>(), Is.EqualTo($"{t.Info.ConsumerUsername}@itsyouonline"));
        var guest = await t.PostAsync("system/usermanager/whoami", new { }, null);
        Assert.That(guest.Json!["name"]!.GetValue<string>(), Is.EqualTo("guest"));
    }

    [TestCase("bearer")]
    [TestCase("Bearer")]
    [TestCase("BEARER")]
    public async Task BearerScheme_IsCaseInsensitive(string scheme)
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, t.Info.BaseUrl + "/restmachine/cloudapi/accounts/list");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        using var response = await t.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task NoCredentials_OnAuthMethod_Is401PlainTextWithoutContentType()
    {
        await using var t = await OvcTester.StartAsync();
        var reply = await t.PostAsync("cloudapi/accounts/list", new { }, null);
        Assert.That(reply.Code, Is.EqualTo(401));
        Assert.That(reply.ContentType, Is.Null);
        Assert.That(reply.Body, Does.StartWith("NO VALID AUTHORIZATION KEY GIVEN"));
    }

    [Test]
    public async Task NoCredentials_OnNoAuthMethods_Succeed()
    {
        await using var t = await OvcTester.StartAsync();
        Assert.That((await t.PostAsync("cloudapi/locations/list", new { }, null)).Code, Is.EqualTo(200));
        Assert.That((await t.PostAsync("cloudbroker/health/status", new { }, null)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task ExpiredJwt_Is401Html()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        t.Wall.Advance(TimeSpan.FromHours(1));

        var reply = await t.PostAsync("cloudapi/accounts/list", new { }, token);
        Assert.That(reply.Code, Is.EqualTo(401));
        Assert.That(reply.ContentType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task FastDevnetClock_DoesNotExpireTokens()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        t.Clock.Advance(TimeSpan.FromDays(30));

        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { }, token)).Code, Is.EqualTo(200));
    }

    [Test]
    public async Task TamperedOrForeignJwt_Is401Html()
    {
        await using var t = await OvcTester.StartAsync();
        var token = await t.ConsumerTokenAsync();
        var parts = token.Split('.');
        var forged = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        forged["username"] = "admin";
        var tampered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged.ToJsonString())) + "." + parts[2];

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        await using var other = await OvcTester.StartAsync(o => o.IdentitySigningKeyPem = otherKey.ExportECPrivateKeyPem());
        var foreign = other.Cluster.Identity.IssueToken(t.Info.ConsumerUsername);

        foreach (var bad in new[] { tampered, foreign, "not-a-jwt", "a.b.c" })
        {
            var reply = await t.PostAsync("cloudapi/accounts/list", new { }, bad);
            Assert.That(reply.Code, Is.EqualTo(401), bad);
            Assert.That(reply.ContentType, Is.EqualTo("text/html"));
        }
    }

    [Test]
    public async Task ConfiguredSigningKey_IsTheOneUsed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        await using var t = await OvcTester.StartAsync(o => o.IdentitySigningKeyPem = key.ExportPkcs8PrivateKeyPem());
        Assert.That(t.Cluster.Identity.PublicKeyPem, Is.EqualTo(key.ExportSubjectPublicKeyInfoPem()));
    }

    [Test]
    public async Task StrangerWithValidToken_Is403JsonString()
    {
        await using var t = await OvcTester.StartAsync();
        var stranger = t.Cluster.Identity.IssueToken("mallory");

        var reply = await t.PostAsync("cloudapi/accounts/get", new { accountId = t.Info.AccountId }, stranger);
        Assert.That(reply.Code, Is.EqualTo(403));
        Assert.That(reply.Json!.GetValue<string>(), Is.EqualTo("User: \"mallory@itsyouonline\" isn't allowed to execute this action. Not enough permissions"));
        var accounts = await t.PostAsync("cloudapi/accounts/list", new { }, stranger);
        Assert.That(accounts.Body, Is.EqualTo("[]"));
    }

    [Test]
    public async Task ConsumerOfOneController_SeesNothingOnAnother()
    {
        await using var t = await OvcTester.StartAsync(controllers: 2);
        var token = await t.ConsumerTokenAsync(t.Cluster.Controllers[0].Info);
        var second = t.Cluster.Controllers[1].Info;

        var reply = await t.PostAsync("cloudapi/cloudspaces/get", new { cloudspaceId = second.CloudSpaceId }, token, second);
        Assert.That(reply.Code, Is.EqualTo(403));
    }

    [Test]
    public async Task LegacyAuthkey_WorksAsQueryParameterBodyParameterAndCookie()
    {
        await using var t = await OvcTester.StartAsync();
        var key = await LoginAsync(t);

        using var viaQuery = await t.Http.PostAsync($"{t.Info.BaseUrl}/restmachine/cloudapi/accounts/list?authkey={key}", null);
        Assert.That(viaQuery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var viaBody = await t.PostAsync("cloudapi/accounts/get", new { accountId = t.Info.AccountId, authkey = key }, null);
        Assert.That(viaBody.Code, Is.EqualTo(200), viaBody.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{t.Info.BaseUrl}/restmachine/system/usermanager/whoami");
        request.Headers.Add("Cookie", $"beaker.session.id={key}");
        using var viaCookie = await t.Http.SendAsync(request);
        Assert.That(await viaCookie.Content.ReadAsStringAsync(), Does.Contain($"\"name\":\"{t.Info.ConsumerUsername}\""));
    }

    [Test]
    public async Task LegacyAuthkey_ExpiredOrUnknown_Is419()
    {
        await using var t = await OvcTester.StartAsync();
        var key = await LoginAsync(t);
        t.Wall.Advance(TimeSpan.FromMinutes(59));
        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { authkey = key }, null)).Code, Is.EqualTo(200), "use slides the expiry");
        t.Wall.Advance(TimeSpan.FromMinutes(59));
        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { authkey = key }, null)).Code, Is.EqualTo(200));
        t.Wall.Advance(TimeSpan.FromHours(1));

        var expired = await t.PostAsync("cloudapi/accounts/list", new { authkey = key }, null);
        Assert.That(expired.Code, Is.EqualTo(419));
        Assert.That(expired.Json!.GetValue<string>(), Is.EqualTo("key not valid or expired"));
        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { authkey = "nope" }, null)).Code, Is.EqualTo(419));
    }

    [Test]
    public async Task LegacyAuthenticate_WrongPassword_Is401()
    {
        await using var t = await OvcTester.StartAsync();
        var reply = await t.PostAsync("cloudapi/users/authenticate", new { username = t.Info.ConsumerUsername, password = "wrong" }, null);
        Assert.That(reply.Code, Is.EqualTo(401));
        var system = await t.PostAsync("system/usermanager/authenticate", new { name = t.Info.ConsumerUsername, secret = t.Info.ConsumerPassword }, null);
        Assert.That(system.Code, Is.EqualTo(200));
    }

    [Test]
    public async Task RefreshableToken_CanBeRefreshedOnce_EvenAfterExpiry()
    {
        await using var t = await OvcTester.StartAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = t.Info.ClientId, ["client_secret"] = t.Info.ClientSecret,
            ["response_type"] = "id_token", ["scope"] = "offline_access", ["validity"] = "600",
        });
        using var issued = await t.Http.PostAsync(t.Info.IdentityUrl + "/v1/oauth/access_token", form);
        var token = await issued.Content.ReadAsStringAsync();
        t.Wall.Advance(TimeSpan.FromMinutes(11));
        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { }, token)).Code, Is.EqualTo(401));

        async Task<HttpResponseMessage> RefreshAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, t.Info.IdentityUrl + "/v1/oauth/jwt/refresh");
            request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
            return await t.Http.SendAsync(request);
        }

        using var refreshed = await RefreshAsync();
        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var fresh = await refreshed.Content.ReadAsStringAsync();
        Assert.That((await t.PostAsync("cloudapi/accounts/list", new { }, fresh)).Code, Is.EqualTo(200));
        using var again = await RefreshAsync();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a refresh token is single-use");
    }

    private static async Task<string> LoginAsync(OvcTester t)
    {
        var reply = await t.PostAsync("cloudapi/users/authenticate", new { username = t.Info.ConsumerUsername, password = t.Info.ConsumerPassword }, null);
        Assert.That(reply.Code, Is.EqualTo(200), reply.Body);
        return reply.Json!.GetValue<string>();
    }
}
