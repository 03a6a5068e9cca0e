using Peer2Peer.Devnet;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Api;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>Starts a devnet for one test and offers the chores tests share: HTTP clients, funding a test key, submitting.</summary>
internal sealed class DevnetTester : IAsyncDisposable
{
    private readonly List<SiadHttp> _clients = [];

    private DevnetTester(Peer2Peer.Devnet.Devnet devnet) => Devnet = devnet;

    public Peer2Peer.Devnet.Devnet Devnet { get; }

    public SiadProfile Profile => Devnet.Chain.Profile;

    public ChainRules Rules => Profile.Rules;

    public SiadNode Node(int index = 0) => Devnet.Nodes[index];

    public static async Task<DevnetTester> StartAsync(DevnetOptions? options = null)
    {
        options ??= new DevnetOptions();
        TestContext.Out.WriteLine($"devnet seed '{options.Seed}', siad {options.SiadVersion}, {options.Nodes} nodes");
        return new DevnetTester(await Peer2Peer.Devnet.Devnet.StartAsync(options with { Nodes = Math.Max(1, options.Nodes) }));
    }

    public static Task<DevnetTester> StartAsync(SiadVersion version, bool? auth = null, int nodes = 2) =>
        StartAsync(new DevnetOptions { SiadVersion = version, AuthenticateApi = auth, Nodes = nodes });

    public SiadHttp Http(int node = 0)
    {
        var client = new SiadHttp(Node(node).ApiUrl!, Node(node).Password);
        _clients.Add(client);
        return client;
    }

    /// <summary>Sends <paramref name="amount"/> from node 0's wallet to <paramref name="address"/>, mines it, and returns the new output's ID.</summary>
    public Hash256 Fund(UnlockHash address, Currency amount)
    {
        var set = Node(0).Wallet.Send([new SiacoinOutput { Value = amount, UnlockHash = address }], feeIncluded: false);
        Devnet.Mine();
        return set[^1].SiacoinOutputId(0);
    }

    /// <summary>Signs every signature entry with <paramref name="key"/> at the current height under the profile's rules.</summary>
    public Transaction Sign(Transaction transaction, Key key) => TransactionSigner.SignAll(transaction, key, Rules, Devnet.Chain.Height);

    public Task<SiadResponse> SubmitAsync(Transaction transaction, IReadOnlyList<Transaction>? parents = null, int node = 0)
    {
        var encoder = new SiaEncoder();
        encoder.WriteList(parents ?? []);
        return Http(node).PostFormAsync("/tpool/raw", new Dictionary<string, string>
        {
            ["parents"] = Convert.ToBase64String(encoder.WrittenSpan),
            ["transaction"] = Convert.ToBase64String(SiaEncoding.Encode(transaction)),
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Devnet.DisposeAsync();
    }
}
