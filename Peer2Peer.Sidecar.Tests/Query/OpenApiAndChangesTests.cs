using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Peer2Peer.Sidecar.Tests.Query;

[Category("Unit")]
public sealed class OpenApiAndChangesTests
{
    private const int Seed = 7;

    [Test]
    public async Task TheOpenApiDocumentDescribesEveryParameterAndResponseShape()
    {
        await using var host = new CatalogueHost(Seed);

        var document = JObject.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));
        await File.WriteAllTextAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "openapi-v1.json"), document.ToString());

        var list = document["paths"]!["/api/providers"]!["get"]!;
        Assert.That(list["parameters"]!.Select(p => (string)p["name"]!), Is.EquivalentTo(new[]
        {
            "location", "minVcpus", "minMemoryMiB", "size", "maxPricePerHour", "onlineOnly", "minUptime", "sort", "order", "limit", "cursor",
        }));
        Assert.That(list["parameters"]!.All(p => !string.IsNullOrEmpty((string?)p["description"])), Is.True, "every parameter is described");
        Assert.That(((JObject)list["responses"]!).Properties().Select(p => p.Name), Is.SupersetOf(new[] { "200", "400" }));
        var schemas = (JObject)document["components"]!["schemas"]!;
        Assert.That(schemas.Properties().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "ProviderListResponse", "ProviderItem", "SizeItem", "ImageItem", "PriceItem", "ProviderHistoryResponse", "AnnouncementItem", "ProblemDetails",
        }));
        Assert.That(((JObject)schemas["ProviderItem"]!["properties"]!).Properties().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "id", "apiUrl", "locations", "price", "sizes", "images", "payoutAddress", "announcedHeight", "transactionId", "firstSeenHeight", "online", "uptime24h", "siaHostKey",
        }));
        var detail = document["paths"]!["/api/providers/{id}"]!["get"]!;
        Assert.That(((JObject)detail["responses"]!).Properties().Select(p => p.Name), Is.SupersetOf(new[] { "200", "404" }));
        Assert.That(document["paths"]!["/api/providers/{id}/history"], Is.Not.Null);
        Assert.That(document["paths"]!["/api/providers/changes"]!["get"]!["responses"]!["200"]!["content"]!["text/event-stream"], Is.Not.Null);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task TheChangeFeedStreamsAddedUpdatedAndRemovedAndResumesFromTheLastEventId(CancellationToken cancellationToken)
    {
        await using var host = new CatalogueHost(Seed, kestrel: true);
        var first = (await host.AddProvidersAsync(1))[0];
        await host.UntilQueryCurrentAsync(cancellationToken);
        var seen = host.Factory.Services.GetRequiredService<Peer2Peer.Sidecar.Query.CatalogueEventLog>().LastId;

        using var stream = new SseReader(await host.Client.GetStreamAsync($"/api/providers/changes?lastEventId={seen}", cancellationToken));
        var second = (await host.AddProvidersAsync(1))[0];
        var added = await stream.NextAsync(cancellationToken);
        await host.UpdateAsync(first);
        var updated = await stream.NextAsync(cancellationToken);
        host.Siad.Rewind(2);
        host.Siad.Extend(3);
        await host.SyncAsync();
        var afterReorg = new[] { await stream.NextAsync(cancellationToken), await stream.NextAsync(cancellationToken) };

        Assert.That((added.Type, added.Data["providerId"]!.ToString()), Is.EqualTo(("added", second)));
        Assert.That((updated.Type, updated.Data["providerId"]!.ToString(), (int)updated.Data["sequence"]!), Is.EqualTo(("updated", first, 2)));
        Assert.That(afterReorg.Select(e => (e.Type, e.Data["providerId"]!.ToString())), Is.EquivalentTo(new[] { ("updated", first), ("removed", second) }),
            "the reorganization orphaned sequence 2 of the first and the second's announcement");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/providers/changes");
        request.Headers.Add("Last-Event-ID", updated.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var resumed = new SseReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var replay = new[] { await resumed.NextAsync(cancellationToken), await resumed.NextAsync(cancellationToken) };
        Assert.That(replay.Select(e => e.Id), Is.EqualTo(afterReorg.Select(e => e.Id)), "resumes right after the last event seen");

        using var stale = new SseReader(await host.Client.GetStreamAsync("/api/providers/changes?lastEventId=999999", cancellationToken));
        Assert.That((await stale.NextAsync(cancellationToken)).Type, Is.EqualTo("resync"));
    }

    /// <summary>Reads server-sent events: id, event and data lines, a blank line per event.</summary>
    private sealed class SseReader(Stream stream) : IDisposable
    {
        private readonly StreamReader _reader = new(stream);

        public async Task<(long Id, string Type, JObject Data)> NextAsync(CancellationToken cancellationToken)
        {
            long id = 0;
            string type = "message", data = "";
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0 && data.Length > 0)
                {
                    return (id, type, JObject.Parse(data));
                }

                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data += line[6..];
                }
            }

            throw new EndOfStreamException("the event stream ended");
        }

        public void Dispose() => _reader.Dispose();
    }
}
