using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

/// <summary>Secrets (client secret, passwords, tokens, authkeys) never reach the logs, even with every level enabled.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class OvcLoggingTests
{
    [Test]
    public async Task NoSecretIsEverLogged()
    {
        var sink = new CapturingProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        await using var cluster = await OpenvCloudCluster.StartAsync(new OpenvCloudClusterOptions { Controllers = 1 }, TimeProvider.System, loggers);
        var info = cluster.Infos[0];
        using var http = new HttpClient();

        var token = await (await http.PostAsync(info.IdentityUrl + "/v1/oauth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = info.ClientId, ["client_secret"] = info.ClientSecret, ["response_type"] = "id_token",
        }))).Content.ReadAsStringAsync();
        var login = await (await http.PostAsync($"{info.BaseUrl}/restmachine/cloudapi/users/authenticate?username={info.ConsumerUsername}&password={info.ConsumerPassword}", null))
            .Content.ReadAsStringAsync();
        var key = login.Trim('"');
        await http.PostAsync($"{info.BaseUrl}/restmachine/cloudapi/accounts/list?authkey={key}", null);
        cluster.Controllers[0].Faults.Set(new Peer2Peer.Devnet.OpenvCloud.Faults.FaultState { ErrorStatus = 500, ErrorCount = 1 });
        await http.PostAsync($"{info.BaseUrl}/restmachine/cloudapi/accounts/list?authkey={key}", null);

        Assert.That(sink.Lines, Is.Not.Empty, "the controller logs something (its start)");
        foreach (var secret in new[] { info.ClientSecret, info.ConsumerPassword, token, key })
        {
            Assert.That(sink.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)), Is.Empty);
        }
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
