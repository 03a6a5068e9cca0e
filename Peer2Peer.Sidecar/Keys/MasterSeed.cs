using System.Security.Cryptography;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Keys;

/// <summary>
/// The one secret every sidecar key derives from (docs/KEYS.md). Stored as
/// <c>p2p-seed-v1:&lt;64 hex&gt;:&lt;8 hex checksum&gt;</c> in <c>&lt;DataDirectory&gt;/seed</c>, owner-only. A missing file is
/// created; a corrupt or unreadable one stops the start — it is never silently replaced, or the funds and identity
/// behind it would be lost.
/// </summary>
public static class MasterSeed
{
    public const string FileName = "seed";
    private const string Prefix = "p2p-seed-v1";

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Create(dataDirectory, path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"cannot read the master seed {path}: {e.Message}", e);
        }

        return Parse(text) ?? throw new StartupException(
            $"the master seed {path} is corrupt (expected '{Prefix}:<64 hex>:<checksum>'); restore it from a backup — it is never replaced automatically");
    }

    public static string Format(ReadOnlySpan<byte> seed) => $"{Prefix}:{Convert.ToHexStringLower(seed)}:{Checksum(seed)}";

    public static byte[]? Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length != 64)
        {
            return null;
        }

        byte[] seed;
        try
        {
            seed = Convert.FromHexString(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        return Checksum(seed) == parts[2] ? seed : null;
    }

    private static string Checksum(ReadOnlySpan<byte> seed) => Blake2b.Hash(seed).ToString()[..8];

    private static void Create(string dataDirectory, string path)
    {
        try
        {
            Directory.CreateDirectory(dataDirectory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var seed = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(Format(seed));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"cannot create the master seed {path}: {e.Message}", e);
        }
    }
}
