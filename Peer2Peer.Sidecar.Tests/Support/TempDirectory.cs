namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>A fresh directory per test, named after it, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        var name = string.Concat(TestContext.CurrentContext.Test.Name.Where(char.IsLetterOrDigit).Take(40));
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "p2p-tests", $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
