using System.Globalization;
using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Wallet;

namespace Peer2Peer.Devnet;

/// <summary>How a devnet starts; every option has a command-line form (see <see cref="Usage"/>).</summary>
public sealed record DevnetOptions
{
    public int Nodes { get; init; } = 3;

    public SiadVersion SiadVersion { get; init; } = SiadVersion.V159;

    /// <summary>Mine a block every interval (paying the nodes whose miner is started, else node 0); null = only on demand and while a node's miner runs.</summary>
    public TimeSpan? BlockInterval { get; init; }

    /// <summary>Height mined at start; default 110 for 1.5.9 (past the dev replay-prefix forks), 20 for 1.3.3.</summary>
    public ulong? StartHeight { get; init; }

    /// <summary>Every wallet seed and host key derives from it, so runs are reproducible.</summary>
    public string Seed { get; init; } = "peer2peer-devnet";

    /// <summary>API password of every node; random per node (32 hex characters, like siad) when null.</summary>
    public string? ApiPassword { get; init; }

    /// <summary>null = the profile's default (1.5.9 on, 1.3.3 off).</summary>
    public bool? AuthenticateApi { get; init; }

    /// <summary>Node i listens on BasePort + i; 0 = a free port each.</summary>
    public int BasePort { get; init; }

    public WalletStartState WalletState { get; init; } = WalletStartState.Unlocked;

    public string WalletPassword { get; init; } = "devnet";

    /// <summary>Where the standalone devnet writes its summary JSON.</summary>
    public string? OutputPath { get; init; }

    public int FaultSeed { get; init; } = 1;

    /// <summary>Synthetic blocks (signed transfers, announcements, payloads) appended after the start height, for benchmarks.</summary>
    public int SyntheticBlocks { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>OpenvCloud controllers started beside the nodes; the command line defaults to 2, in-process use to none.</summary>
    public int Controllers { get; init; }

    /// <summary>How much faster than real time the controllers' devnet clock runs (hourly consumption in seconds).</summary>
    public double ClockSpeed { get; init; } = 360;

    /// <summary>Controller options beyond count and clock speed (catalogues, credentials, ports).</summary>
    public OpenvCloud.OpenvCloudClusterOptions? OpenvCloud { get; init; }

    /// <summary>How often a started miner (GET /miner/start) mines when no block interval is set.</summary>
    public TimeSpan MinerInterval { get; init; } = TimeSpan.FromSeconds(2);

    public const string Usage = """
        Peer2Peer.Devnet: siad-compatible nodes on one local Sia chain, and OpenvCloud controllers.
        Options:
          --nodes N                  siad nodes (default 3)
          --controllers M            OpenvCloud controllers (default 2)
          --clock-speed X            the controllers' devnet clock runs X times real time (default 360: an hour in 10 s)
          --siad-version V           1.5.9 (default) or 1.3.3
          --block-interval T         mine a block every T (e.g. 5s, 500ms); default: on demand only
          --start-height H           height mined at start (default 110 for 1.5.9, 20 for 1.3.3)
          --seed S                   devnet seed for wallets and host keys (default peer2peer-devnet)
          --api-password P           API password of every node (default: random per node)
          --authenticate-api B       true/false (default: true for 1.5.9, false for 1.3.3)
          --port P                   node i listens on P+i (default 0: free ports)
          --wallet S                 unlocked (default), locked or uninitialized
          --wallet-password P        wallet encryption password (default devnet)
          --output PATH              write the summary JSON (URLs, passwords) to PATH
          --synthetic-blocks N       append N synthetic blocks at start (benchmarks; ~7k blocks/s)
          --verbose                  log at Information level
        """;

    /// <summary>Parses command-line arguments; throws <see cref="FormatException"/> with a one-line message.</summary>
    public static DevnetOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DevnetOptions { Controllers = 2 };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--verbose")
            {
                options = options with { LogLevel = LogLevel.Information };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name}: missing value (or unknown option); see --help");
            }

            var value = args[++i];
            options = name switch
            {
                "--nodes" => options with { Nodes = Int(name, value, 1, 64) },
                "--controllers" => options with { Controllers = Int(name, value, 0, 16) },
                "--clock-speed" => options with
                {
                    ClockSpeed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed >= 1 && speed <= 100_000
                        ? speed
                        : throw new FormatException($"{name}: '{value}' is not a number between 1 and 100000"),
                },
                "--siad-version" => options with
                {
                    SiadVersion = value switch
                    {
                        "1.5.9" or "1.5" => SiadVersion.V159,
                        "1.3.3" or "1.3" => SiadVersion.V133,
                        _ => throw new FormatException($"--siad-version: '{value}' is not 1.5.9 or 1.3.3"),
                    },
                },
                "--block-interval" => options with { BlockInterval = Duration(name, value) },
                "--start-height" => options with { StartHeight = (ulong)Int(name, value, 0, 1_000_000) },
                "--seed" => options with { Seed = value },
                "--api-password" => options with { ApiPassword = value },
                "--authenticate-api" => options with { AuthenticateApi = bool.TryParse(value, out var b) ? b : throw new FormatException($"{name}: '{value}' is not true or false") },
                "--port" => options with { BasePort = Int(name, value, 0, 65_000) },
                "--wallet" => options with { WalletState = Enum.TryParse<WalletStartState>(value, ignoreCase: true, out var w) ? w : throw new FormatException($"{name}: '{value}' is not unlocked, locked or uninitialized") },
                "--wallet-password" => options with { WalletPassword = value },
                "--output" => options with { OutputPath = value },
                "--synthetic-blocks" => options with { SyntheticBlocks = Int(name, value, 0, 10_000_000) },
                _ => throw new FormatException($"unknown option {name}; see --help"),
            };
        }

        return options;
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name}: '{value}' is not an integer between {min} and {max}");

    private static TimeSpan Duration(string name, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : value.EndsWith('m') ? (value[..^1], 60_000.0)
            : (value, 1000.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? TimeSpan.FromMilliseconds(n * unit)
            : throw new FormatException($"{name}: '{value}' is not a duration like 5s or 500ms");
    }
}
