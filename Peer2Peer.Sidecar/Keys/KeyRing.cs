using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using Key = NSec.Cryptography.Key;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Keys;

/// <summary>What a derived key is for; part of the derivation, so keys of different purposes never coincide.</summary>
public enum KeyPurpose
{
    Identity,
    Funding,
    Channel,
}

/// <summary>
/// Every key of the sidecar, derived from the master seed: Ed25519 seed =
/// BLAKE2b-256(master seed || "peer2peer/" + purpose || u64le(index)). See docs/KEYS.md.
/// </summary>
public sealed class KeyRing(IOptions<SidecarOptions> options) : IDisposable
{
    private readonly Lazy<byte[]> _seed = new(() => MasterSeed.LoadOrCreate(options.Value.DataDirectory));
    private readonly Dictionary<(KeyPurpose, ulong), Key> _keys = [];
    private readonly Lock _lock = new();

    /// <summary>Signs announcements; its public key is the provider ID.</summary>
    public Key Identity => Get(KeyPurpose.Identity, 0);

    /// <summary>Owns the hot address the sidecar spends from.</summary>
    public Key Funding => Get(KeyPurpose.Funding, 0);

    public SiaPublicKey IdentityPublicKey => SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(Identity));

    public UnlockConditions FundingConditions => UnlockConditions.Standard(Ed25519.PublicKeyOf(Funding));

    public UnlockHash FundingAddress => FundingConditions.UnlockHash();

    /// <summary>The key of payment channel number <paramref name="index"/>.</summary>
    public Key Channel(ulong index) => Get(KeyPurpose.Channel, index);

    /// <summary>Loads (or creates) the seed now, so a bad one stops the start instead of a later request.</summary>
    public void EnsureLoaded() => _ = _seed.Value;

    public static byte[] DeriveSeed(ReadOnlySpan<byte> masterSeed, KeyPurpose purpose, ulong index)
    {
        var label = System.Text.Encoding.ASCII.GetBytes("peer2peer/" + purpose.ToString().ToLowerInvariant());
        var input = new byte[masterSeed.Length + label.Length + 8];
        masterSeed.CopyTo(input);
        label.CopyTo(input, masterSeed.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(masterSeed.Length + label.Length), index);
        return Blake2b.Hash(input).ToArray();
    }

    private Key Get(KeyPurpose purpose, ulong index)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue((purpose, index), out var key))
            {
                key = Ed25519.ImportSeed(DeriveSeed(_seed.Value, purpose, index));
                _keys[(purpose, index)] = key;
            }

            return key;
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    public override string ToString() => "[key ring]";
}

/// <summary>Loads the key ring while the host starts: a corrupt seed must stop the start, not the first request.</summary>
public sealed class KeyRingLoader(KeyRing keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        keys.EnsureLoaded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class KeysServiceCollectionExtensions
{
    public static IServiceCollection AddKeys(this IServiceCollection services)
    {
        services.AddSingleton<KeyRing>();
        services.AddHostedService<KeyRingLoader>();
        return services;
    }
}
