using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

/// <summary>siad's dev-build constants (SIAD.md §9.2); identical in 1.3.x and 1.5.x unless noted.</summary>
public static class DevConstants
{
    public const ulong BlockFrequency = 12;
    public const ulong MaturityDelay = 10;
    public const ulong GenesisTimestamp = 1424139000;
    public const int BlockSizeLimit = 2_000_000;
    public const ulong ExtremeFutureThreshold = 240;
    public const ulong FutureThreshold = 120;
    public const int MedianTimestampWindow = 11;
    public const ulong TargetWindow = 20;
    public const ulong InitialCoinbase = 300_000;
    public const ulong MinimumCoinbase = 30_000;
    public const ulong SiafundCount = 10_000;
    public const ulong AsicHardforkHeight = 5;
    public const ulong AsicNonceFactor = 1009;
    public const ulong OakHardforkFixHeight = 105;
    public const ulong SectorSize = 262_144;

    /// <summary>siad's dev root target [0,0,2,0…]: reported as the target of every block (no proof of work here).</summary>
    public static byte[] RootTarget { get; } = [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] RootDepth { get; } = Enumerable.Repeat((byte)255, 32).ToArray();

    /// <summary>max(300000 − height, 30000) SC: the subsidy of the block at <paramref name="height"/>, fees not included.</summary>
    public static Currency Coinbase(ulong height) =>
        Currency.Siacoins(height >= InitialCoinbase - MinimumCoinbase ? MinimumCoinbase : InitialCoinbase - height);

    /// <summary>(2^256 − 1) ÷ target as a decimal string (siad's "difficulty").</summary>
    public static string Difficulty(byte[] target)
    {
        var t = new System.Numerics.BigInteger(target, isUnsigned: true, isBigEndian: true);
        var max = (System.Numerics.BigInteger.One << 256) - 1;
        return (t.IsZero ? max : max / t).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
