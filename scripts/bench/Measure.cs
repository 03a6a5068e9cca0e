using System.Diagnostics;

namespace Peer2Peer.Bench;

internal static class Measure
{
    /// <summary>Runs <paramref name="batch"/> (which does <paramref name="perBatch"/> operations) for about <paramref name="duration"/> after a warm-up; returns operations/s.</summary>
    public static double Rate(TimeSpan duration, int perBatch, Action batch)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < duration / 5)
        {
            batch();
        }

        long operations = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            batch();
            operations += perBatch;
        }

        return operations / watch.Elapsed.TotalSeconds;
    }

    public static void Print(string name, double rate, string unit = "ops/s") =>
        Console.WriteLine($"{name,-44} {rate,14:N0} {unit}");
}
