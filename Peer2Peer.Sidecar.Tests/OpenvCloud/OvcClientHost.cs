using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Devnet.OpenvCloud;
using Peer2Peer.Sidecar.OpenvCloud;
using Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>
/// The sidecar's OpenvCloud registration (<see cref="OpenvCloudServiceCollectionExtensions.AddOpenvCloud"/>) against the
/// in-process devnet (or a stub handler): every request recorded, every log line captured at Trace level, the client on
/// a <see cref="FakeTimeProvider"/> (by default the devnet's own wall clock).
/// </summary>
internal sealed class OvcClientHost : IAsyncDisposable
{
    private OvcClientHost(ServiceProvider provider, OvcTester? devnet, RequestLog requests, CapturingLoggerProvider logs)
    {
        Provider = provider;
        Devnet = devnet;
        Requests = requests;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public OvcTester? Devnet { get; }

    public RequestLog Requests { get; }

    public CapturingLoggerProvider Logs { get; }

    public IOpenvCloudClient Client => Provider.GetRequiredService<IOpenvCloudClient>();

    public OpenvCloudControllerInfo Info => Devnet!.Info;

    /// <summary>A devnet with one controller (unless <paramref name="controllers"/>) and the default client on its first one.</summary>
    public static async Task<OvcClientHost> StartAsync(string authMode = "jwt", IDictionary<string, string?>? settings = null, TimeProvider? clientTime = null,
        Action<OpenvCloudClusterOptions>? configure = null, int controllers = 1)
    {
        var devnet = await OvcTester.StartAsync(configure, controllers);
        var info = devnet.Info;
        var all = new Dictionary<string, string?>
        {
            ["OpenvCloud:ApiUrl"] = info.BaseUrl,
            ["OpenvCloud:IdentityUrl"] = info.IdentityUrl,
            ["OpenvCloud:AuthMode"] = authMode,
            ["OpenvCloud:ClientId"] = info.ClientId,
            ["OpenvCloud:ClientSecret"] = info.ClientSecret,
            ["OpenvCloud:Username"] = info.ConsumerUsername,
            ["OpenvCloud:Password"] = info.ConsumerPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var requests = new RequestLog();
        return Build(all, clientTime ?? devnet.Wall, () => new RecordingHandler(requests, new SocketsHttpHandler { UseCookies = false }), devnet, requests);
    }

    /// <summary>No devnet: every request of every named client answered by <paramref name="respond"/>.</summary>
    public static OvcClientHost WithStub(Func<HttpRequestMessage, int, HttpResponseMessage> respond, IDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["OpenvCloud:ApiUrl"] = "http://ovc.test",
            ["OpenvCloud:IdentityUrl"] = "http://iam.test",
            ["OpenvCloud:AuthMode"] = "none",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var requests = new RequestLog();
        var stub = new Support.StubHttpHandler(respond);
        return Build(all, time ?? new FakeTimeProvider(OvcTester.Start), () => new RecordingHandler(requests, stub, disposeInner: false), null, requests);
    }

    private static OvcClientHost Build(Dictionary<string, string?> settings, TimeProvider time, Func<HttpMessageHandler> primary, OvcTester? devnet, RequestLog requests)
    {
        settings.TryAdd("OpenvCloud:RetryBaseDelay", "00:00:00");
        settings.TryAdd("OpenvCloud:MaxRetries", "3");
        settings.TryAdd("OpenvCloud:AttemptTimeout", "00:00:10");
        settings.TryAdd("OpenvCloud:ProbeTimeout", "00:00:05");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton(time);
        services.AddOpenvCloud();
        foreach (var name in new[] { OpenvCloudServiceCollectionExtensions.ApiClientName, OpenvCloudServiceCollectionExtensions.IdentityClientName,
                     OpenvCloudServiceCollectionExtensions.ProbeClientName })
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(primary);
        }

        return new OvcClientHost(services.BuildServiceProvider(validateScopes: true), devnet, requests, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (Devnet is not null)
        {
            await Devnet.DisposeAsync();
        }
    }
}

/// <summary>Every request that reached the wire: method, path and query, and the credential headers (to prove where secrets went).</summary>
internal sealed class RequestLog
{
    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, string? Cookie)> Entries { get; } = new();

    /// <summary>Requests whose path ends with <paramref name="suffix"/>, e.g. <c>machines/create</c>.</summary>
    public int Count(string suffix) => Entries.Count(e => e.PathAndQuery.Split('?')[0].EndsWith(suffix, StringComparison.Ordinal));

    public IEnumerable<string> Credentials => Entries.SelectMany(e => new[] { e.Authorization, e.Cookie }).OfType<string>()
        .Select(v => v.Contains('=') ? v[(v.IndexOf('=') + 1)..] : v.Contains(' ') ? v[(v.IndexOf(' ') + 1)..] : v)
        .Distinct();
}

internal sealed class RecordingHandler(RequestLog log, HttpMessageHandler inner, bool disposeInner = true) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Entries.Enqueue((request.Method.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Cookie", out var cookies) ? string.Join("; ", cookies) : null));
        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposeInner)
        {
            base.Dispose(disposing);
        }
    }
}

/// <summary>Every log line of every category, formatted, with its exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
    }
}
