using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Api;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Devnet.Sia.Hosts;
using Peer2Peer.Devnet.Sia.Wallet;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet;

/// <summary>
/// A running devnet: siad-compatible nodes on one shared in-memory chain, each on its own loopback port with its own
/// API password, wallet and host key. <c>await using var devnet = await Devnet.StartAsync(new DevnetOptions());</c>
/// </summary>
public sealed class Devnet : IAsyncDisposable
{
    private readonly List<SiadNode> _nodes = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggerFactory _loggers;
    private readonly bool _ownsLoggers;
    private Task _miner = Task.CompletedTask;
    private int _nextMiner;

    private Devnet(DevnetOptions options, DevnetChain chain, ILoggerFactory loggers, bool ownsLoggers)
    {
        Options = options;
        Chain = chain;
        _loggers = loggers;
        _ownsLoggers = ownsLoggers;
    }

    public DevnetOptions Options { get; }

    /// <summary>The shared chain, pool and host database (tests: mine, reorganize, inspect).</summary>
    public DevnetChain Chain { get; }

    public IReadOnlyList<SiadNode> Nodes => _nodes;

    /// <summary>The OpenvCloud controllers, when <see cref="DevnetOptions.Controllers"/> is above 0.</summary>
    public OpenvCloud.OpenvCloudCluster? OpenvCloud { get; private set; }

    public static async Task<Devnet> StartAsync(DevnetOptions options, CancellationToken cancellationToken = default)
    {
        var ownsLoggers = options.LoggerFactory is null;
        var loggers = options.LoggerFactory ?? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel));
        var profile = SiadProfile.For(options.SiadVersion);
        var devnetSeed = Blake2b.Hash(Encoding.UTF8.GetBytes(options.Seed)).ToArray();
        var chain = new DevnetChain(profile, options.TimeProvider, loggers, devnetSeed);
        var devnet = new Devnet(options, chain, loggers, ownsLoggers);
        try
        {
            var auth = options.AuthenticateApi ?? profile.AuthenticateApiByDefault;
            for (var i = 0; i < options.Nodes; i++)
            {
                var wallet = new DevnetWallet(chain, Derive(devnetSeed, "wallet", i), options.WalletState, options.WalletPassword);
                var hostAddress = profile.Is133 ? $"host-{i}.devnet.test:{9982 + 10 * i}" : $"127.0.0.1:{9982 + 10 * i}";
                var host = new HostState(Derive(devnetSeed, "host", i), hostAddress);
                var password = options.ApiPassword ?? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                devnet._nodes.Add(new SiadNode(i, $"sia-{i}", password, auth, chain, wallet, host, options.FaultSeed + i) { Peers = () => devnet._nodes });
            }

            chain.HostDb.Scanner = key => devnet._nodes.Any(n => n.Host.PublicKey.Equals(key));
            devnet.MineInitialBlocks(options.StartHeight ?? profile.DefaultStartHeight);
            if (options.SyntheticBlocks > 0)
            {
                new Sia.Synthetic.SyntheticChain(chain).Append(options.SyntheticBlocks);
            }

            foreach (var node in devnet._nodes)
            {
                await node.StartAsync(options.BasePort == 0 ? 0 : options.BasePort + node.Index, loggers, null, cancellationToken);
            }

            if (options.Controllers > 0)
            {
                var clusterOptions = options.OpenvCloud ?? new Peer2Peer.Devnet.OpenvCloud.OpenvCloudClusterOptions();
                clusterOptions.Controllers = options.Controllers;
                clusterOptions.ClockSpeed = options.ClockSpeed;
                devnet.OpenvCloud = await Peer2Peer.Devnet.OpenvCloud.OpenvCloudCluster.StartAsync(clusterOptions, options.TimeProvider, loggers, cancellationToken);
            }

            devnet._miner = devnet.RunMinerAsync(devnet._stopping.Token);
            return devnet;
        }
        catch
        {
            await devnet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Mines <paramref name="count"/> blocks now, paying node <paramref name="node"/>'s wallet.</summary>
    public IReadOnlyList<Block> Mine(int count = 1, int node = 0)
    {
        var blocks = Chain.Mine(count, _nodes[node].Wallet.PayoutAddress);
        _nodes[node].BlocksMined += count;
        return blocks;
    }

    /// <summary>Replaces the last <paramref name="depth"/> blocks with <paramref name="depth"/> + 1 new ones mined by node 0.</summary>
    public IReadOnlyList<Block> Reorganize(int depth, bool reincludeTransactions) =>
        Chain.Reorganize(depth, reincludeTransactions, _nodes[0].Wallet.PayoutAddress);

    public DevnetSummary Summary() => new()
    {
        SiadVersion = Chain.Profile.VersionString,
        Seed = Options.Seed,
        Height = Chain.Height,
        Nodes = _nodes.Select(n => new SiadNodeSummary
        {
            Name = n.Name,
            ApiUrl = n.ApiUrl?.ToString() ?? "",
            ApiPassword = n.Password,
            AuthenticateApi = n.AuthEnabled,
            WalletPassword = Options.WalletPassword,
            WalletSeed = n.Wallet.SeedPhrase,
            PayoutAddress = n.Wallet.PayoutAddress.ToString(),
            HostPublicKey = n.Host.PublicKey.ToString(),
        }).ToArray(),
        Controllers = OpenvCloud?.Infos.Cast<object>().ToArray() ?? [],
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _miner;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (OpenvCloud is not null)
        {
            await OpenvCloud.DisposeAsync();
        }

        _stopping.Dispose();
        if (_ownsLoggers)
        {
            _loggers.Dispose();
        }
    }

    private void MineInitialBlocks(ulong startHeight)
    {
        // Round-robin so every node's wallet holds matured coins once the chain is past n + MaturityDelay.
        for (var height = Chain.Height; height < startHeight; height++)
        {
            Mine(1, (int)(height % (ulong)_nodes.Count));
        }
    }

    private async Task RunMinerAsync(CancellationToken cancellationToken)
    {
        var logger = _loggers.CreateLogger("Peer2Peer.Devnet.Miner");
        using var timer = new PeriodicTimer(Options.BlockInterval ?? Options.MinerInterval, Options.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var miners = _nodes.Where(n => n.Mining).ToArray();
            if (miners.Length == 0 && Options.BlockInterval is null)
            {
                continue;
            }

            var node = miners.Length == 0 ? _nodes[0] : miners[_nextMiner++ % miners.Length];
            try
            {
                Mine(1, node.Index);
            }
            catch (ConsensusException e)
            {
                logger.LogWarning(e, "Scheduled block could not be mined");
            }
        }
    }

    private static byte[] Derive(byte[] devnetSeed, string purpose, int index)
    {
        var input = new byte[devnetSeed.Length + purpose.Length + 8];
        devnetSeed.CopyTo(input, 0);
        Encoding.ASCII.GetBytes(purpose).CopyTo(input, devnetSeed.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(devnetSeed.Length + purpose.Length), (ulong)index);
        return Blake2b.Hash(input).ToArray();
    }
}
