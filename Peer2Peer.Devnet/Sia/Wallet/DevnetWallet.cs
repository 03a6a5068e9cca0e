using System.Buffers.Binary;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Devnet.Sia.Pool;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Devnet.Sia.Wallet;

/// <summary>How a node's wallet starts.</summary>
public enum WalletStartState
{
    /// <summary>Initialised with the node's seed and unlocked: ready to send (the default).</summary>
    Unlocked,

    /// <summary>Initialised but locked: unlock with the wallet password.</summary>
    Locked,

    /// <summary>Not initialised: POST /wallet/init returns the node's seed phrase.</summary>
    Uninitialized,
}

/// <summary>
/// A siad-style seed wallet over the shared chain: keys H(seed || u64(i)) → Ed25519, standard addresses, balances from
/// the UTXO set (matured outputs only), sends built like siad's transaction builder (a parent that splits out the exact
/// amount, a child that pays it), history computed from the chain. All state is guarded by the chain's lock.
/// </summary>
public sealed partial class DevnetWallet
{
    private const int Lookahead = 64;

    private readonly DevnetChain _chain;
    private readonly byte[] _seed;
    private readonly Dictionary<UnlockHash, (int Index, Key Key, UnlockConditions Conditions)> _keys = [];
    private readonly List<UnlockHash> _addressesByIndex = [];
    private string? _password;
    private int _progress = 1;

    public DevnetWallet(DevnetChain chain, byte[] seed, WalletStartState state, string password)
    {
        _chain = chain;
        _seed = seed;
        SeedPhrase = Wallet.SeedPhrase.Encode(seed);
        GenerateKeys(Lookahead);
        Encrypted = state != WalletStartState.Uninitialized;
        Unlocked = state == WalletStartState.Unlocked;
        EverUnlocked = Unlocked;
        _password = Encrypted ? password : null;
    }

    /// <summary>The 29-word primary seed.</summary>
    public string SeedPhrase { get; }

    public bool Encrypted { get; private set; }

    public bool Unlocked { get; private set; }

    private bool EverUnlocked { get; set; }

    /// <summary>Key 0's address: where this node's mined blocks pay (also before the wallet is initialised, so its coins await it).</summary>
    public UnlockHash PayoutAddress => _addressesByIndex[0];

    public bool Owns(UnlockHash address) => _keys.ContainsKey(address);

    public string Init(string? password, bool force)
    {
        lock (_chain.Sync)
        {
            if (Encrypted && !force)
            {
                throw new WalletException(WalletErrors.AlreadyEncrypted);
            }

            Encrypted = true;
            Unlocked = false;
            _password = string.IsNullOrEmpty(password) ? SeedPhrase : password;
            return SeedPhrase;
        }
    }

    public void Unlock(string password)
    {
        lock (_chain.Sync)
        {
            if (!Encrypted)
            {
                throw new WalletException(WalletErrors.Unencrypted);
            }

            if (Unlocked)
            {
                throw new WalletException(WalletErrors.AlreadyUnlocked);
            }

            if (password != _password && password != SeedPhrase)
            {
                throw new WalletException(WalletErrors.BadEncryptionKey);
            }

            Unlocked = EverUnlocked = true;
        }
    }

    public void Lock()
    {
        lock (_chain.Sync)
        {
            if (!Unlocked)
            {
                throw new WalletException("wallet has already been locked");
            }

            Unlocked = false;
        }
    }

    /// <summary>A fresh address (GET /wallet/address).</summary>
    public UnlockHash NextAddress()
    {
        lock (_chain.Sync)
        {
            RequireUnlocked();
            return NextAddressLocked();
        }
    }

    /// <summary>Addresses handed out so far, sorted by bytes; empty until the wallet was unlocked once.</summary>
    public IReadOnlyList<UnlockHash> Addresses()
    {
        lock (_chain.Sync)
        {
            return EverUnlocked
                ? _addressesByIndex.Take(_progress).OrderBy(a => a.ToString(), StringComparer.Ordinal).ToArray()
                : [];
        }
    }

    /// <summary>The last <paramref name="count"/> addresses handed out.</summary>
    public IReadOnlyList<UnlockHash> SeedAddresses(int count)
    {
        lock (_chain.Sync)
        {
            return _addressesByIndex.Take(_progress).Reverse().Take(count).ToArray();
        }
    }

    public UnlockConditions? ConditionsOf(UnlockHash address)
    {
        lock (_chain.Sync)
        {
            return _keys.TryGetValue(address, out var entry) ? entry.Conditions : null;
        }
    }

    public sealed record Balances(Currency Confirmed, Currency UnconfirmedOutgoing, Currency UnconfirmedIncoming, Currency SiafundBalance, Currency ClaimBalance);

    public Balances GetBalances()
    {
        lock (_chain.Sync)
        {
            if (!Unlocked)
            {
                return new Balances(Currency.Zero, Currency.Zero, Currency.Zero, Currency.Zero, Currency.Zero);
            }

            var state = _chain.State;
            var confirmed = Currency.Sum(state.SiacoinOutputs.Values.Where(o => Owns(o.UnlockHash)).Select(o => o.Value));
            var siafunds = Currency.Sum(state.SiafundOutputs.Values.Where(o => Owns(o.UnlockHash)).Select(o => o.Value));
            var outgoing = Currency.Zero;
            var incoming = Currency.Zero;
            foreach (var processed in UnconfirmedLocked())
            {
                outgoing += Currency.Sum((processed.Inputs ?? []).Where(i => i.WalletAddress).Select(i => i.Value));
                incoming += Currency.Sum((processed.Outputs ?? []).Where(o => o.WalletAddress && o.FundType == Specifier.SiacoinOutput).Select(o => o.Value));
            }

            return new Balances(confirmed, outgoing, incoming, siafunds, Currency.Zero);
        }
    }

    public sealed record UnspentOutput(Hash256 Id, Specifier FundType, UnlockHash UnlockHash, Currency Value, ulong ConfirmationHeight);

    /// <summary>Owned siacoin and siafund outputs not spent by a pooled transaction (GET /wallet/unspent).</summary>
    public IReadOnlyList<UnspentOutput> Unspent()
    {
        lock (_chain.Sync)
        {
            RequireUnlocked();
            var spent = SpentInPool();
            var state = _chain.State;
            var siacoins = state.SiacoinOutputs.Where(o => Owns(o.Value.UnlockHash) && !spent.Contains(o.Key))
                .Select(o => new UnspentOutput(o.Key, Specifier.SiacoinOutput, o.Value.UnlockHash, o.Value.Value,
                    state.TryGetCreatedOutput(o.Key, out var created) ? Math.Min(created.MaturityHeight, state.Height) : 0));
            var siafunds = state.SiafundOutputs.Where(o => Owns(o.Value.UnlockHash) && !spent.Contains(o.Key))
                .Select(o => new UnspentOutput(o.Key, Specifier.SiafundOutput, o.Value.UnlockHash, o.Value.Value, 0));
            return siacoins.Concat(siafunds).ToArray();
        }
    }

    private void RequireUnlocked()
    {
        if (!Unlocked)
        {
            throw new WalletException(WalletErrors.Locked);
        }
    }

    private UnlockHash NextAddressLocked()
    {
        if (_progress + Lookahead / 2 > _addressesByIndex.Count)
        {
            GenerateKeys(_addressesByIndex.Count + Lookahead);
        }

        return _addressesByIndex[_progress++];
    }

    private void GenerateKeys(int count)
    {
        Span<byte> input = stackalloc byte[40];
        for (var i = _addressesByIndex.Count; i < count; i++)
        {
            _seed.CopyTo(input);
            BinaryPrimitives.WriteUInt64LittleEndian(input[32..], (ulong)i);
            var key = Ed25519.ImportSeed(Blake2b.Hash(input).ToArray());
            var conditions = UnlockConditions.Standard(Ed25519.PublicKeyOf(key));
            var address = conditions.UnlockHash();
            _keys[address] = (i, key, conditions);
            _addressesByIndex.Add(address);
        }
    }

    private HashSet<Hash256> SpentInPool() =>
        _chain.Pool.Transactions.SelectMany(t => t.SiacoinInputs.Select(i => i.ParentId).Concat(t.SiafundInputs.Select(i => i.ParentId))).ToHashSet();

    internal static Currency SendFee => TransactionPool.MaximumFee * 750;

    internal static Currency AnnounceFee => TransactionPool.MaximumFee * 600;
}
