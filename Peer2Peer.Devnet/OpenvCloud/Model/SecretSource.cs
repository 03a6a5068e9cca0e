using System.Security.Cryptography;

namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>Generated secrets and addresses: cryptographically random, or reproducible from a seed when the devnet is given one.</summary>
public sealed class SecretSource(int? seed)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly Random? _seeded = seed is { } s ? new Random(s) : null;
    private readonly Lock _lock = new();

    public string Token(int length)
    {
        var chars = new char[length];
        lock (_lock)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[_seeded?.Next(Alphabet.Length) ?? RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        }

        return new string(chars);
    }

    /// <summary>A locally administered KVM-style MAC (52:54:00:xx:xx:xx).</summary>
    public string MacAddress()
    {
        var bytes = new byte[3];
        lock (_lock)
        {
            if (_seeded is null)
            {
                RandomNumberGenerator.Fill(bytes);
            }
            else
            {
                _seeded.NextBytes(bytes);
            }
        }

        return $"52:54:00:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}";
    }
}
