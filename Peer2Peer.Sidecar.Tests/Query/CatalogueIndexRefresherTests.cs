using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Tests.Query;

[Category("Unit")]
public sealed class CatalogueIndexRefresherTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    [Test]
    [CancelAfter(30_000)]
    public async Task AfterEachChangeTheSnapshotIsRebuiltInTheBackgroundBeforeAnyRequestAsksForIt(CancellationToken cancellationToken)
    {
        await using var host = new CatalogueHost(Seed);
        var index = host.Factory.Services.GetRequiredService<CatalogueIndex>();

        var added = await host.AddProvidersAsync(3);
        await host.UntilQueryCurrentAsync(cancellationToken);
        Assert.That(index.Current().Providers.Select(p => p.ProviderKey), Is.SupersetOf(added), $"seed {Seed}");

        var updated = await host.UpdateAsync(added[0]);
        await host.UntilQueryCurrentAsync(cancellationToken);
        Assert.That(index.Current().ByKey[added[0]].Sequence, Is.EqualTo(updated.Sequence), $"seed {Seed}");
    }
}
