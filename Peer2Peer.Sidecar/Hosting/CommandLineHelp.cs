namespace Peer2Peer.Sidecar.Hosting;

/// <summary>What <c>--help</c> prints: how to run the sidecar and where its options are documented.</summary>
internal static class CommandLineHelp
{
    public static bool IsRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static void Print(TextWriter output) => output.WriteLine("""
        Peer2Peer.Sidecar — publishes and discovers OpenvCloud VM offers on the Sia chain, beside siad.

        Usage: dotnet run --project Peer2Peer.Sidecar -- [--Section:Key=value ...]

        Every option can be given in appsettings.json, as an environment variable (Section__Key) or on the
        command line (--Section:Key=value); README.md lists them all with their defaults.

          --help, -h     print this help and exit
        """);
}
