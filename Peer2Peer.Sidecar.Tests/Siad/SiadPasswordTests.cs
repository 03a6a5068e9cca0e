using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Siad;

[Category("Unit")]
[NonParallelizable]
public sealed class SiadPasswordTests
{
    private static async Task<string?> AuthorizationSentAsync(IDictionary<string, string?> settings)
    {
        var handler = new StubHttpHandler((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, """{"synced":true,"height":1,"currentblock":"0000000000000000000000000000000000000000000000000000000000000001"}"""));
        await SiadTestHost.Build(handler, settings).GetRequiredService<ISiadClient>().GetConsensusAsync(CancellationToken.None);
        return handler.Requests.Single().Authorization;
    }

    [Test]
    public async Task ThePasswordFileIsReadAndTrimmed()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "apipassword");
        await File.WriteAllTextAsync(file, "  from-file\n");

        var header = await AuthorizationSentAsync(new Dictionary<string, string?> { ["Siad:ApiPasswordFile"] = file });

        Assert.That(header, Is.EqualTo("Basic " + Convert.ToBase64String(":from-file"u8.ToArray())));
    }

    [Test]
    public async Task TheEnvironmentVariableWinsOverTheFileButNotOverTheOption()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "apipassword");
        await File.WriteAllTextAsync(file, "from-file");
        Environment.SetEnvironmentVariable("SIA_API_PASSWORD", "from-env");
        try
        {
            var fromEnvironment = await AuthorizationSentAsync(new Dictionary<string, string?> { ["Siad:ApiPasswordFile"] = file });
            var fromOption = await AuthorizationSentAsync(new Dictionary<string, string?> { ["Siad:ApiPasswordFile"] = file, ["Siad:ApiPassword"] = "from-option" });

            Assert.That(fromEnvironment, Is.EqualTo("Basic " + Convert.ToBase64String(":from-env"u8.ToArray())));
            Assert.That(fromOption, Is.EqualTo("Basic " + Convert.ToBase64String(":from-option"u8.ToArray())));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SIA_API_PASSWORD", null);
        }
    }

    [Test]
    public async Task WithoutAPasswordNoAuthorizationHeaderIsSentLikeSiac() =>
        Assert.That(await AuthorizationSentAsync(new Dictionary<string, string?>()), Is.Null);

    [Test]
    public async Task AnUnsupportedSiadIsReportedClearlyAndNotWaitedFor()
    {
        var handler = new StubHttpHandler((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, """{"version":"1.4.11","gitrevision":"x","buildtime":"y"}"""));
        var connection = SiadTestHost.Build(handler).GetRequiredService<SiadConnection>();

        await connection.StartAsync(CancellationToken.None);
        var error = Assert.ThrowsAsync<UnsupportedSiadVersionException>(async () => await connection.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(error!.Message, Does.Contain("siad 1.4.11 is not supported"));
        Assert.That(connection.Problem, Does.Contain("1.4.11"));
        Assert.That(handler.Count("/daemon/version"), Is.EqualTo(1));
    }
}
