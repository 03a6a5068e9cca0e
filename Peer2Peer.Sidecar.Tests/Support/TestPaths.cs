namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>Where the repository and the team's shared folder (docs, fixtures) are, from the test binaries.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>../shared beside the checkout, or P2P_SHARED_DIR.</summary>
    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("P2P_SHARED_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Fixture(string relative)
    {
        var path = Path.Combine(SharedRoot, "fixtures", relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"fixture missing: {path} (set P2P_SHARED_DIR to the shared folder)", path);
    }

    public static string Vector(string name) => Path.Combine(RepositoryRoot, "Peer2Peer.Sidecar.Tests", "Vectors", name);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peer2Peer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Peer2Peer.sln above " + AppContext.BaseDirectory);
    }
}
