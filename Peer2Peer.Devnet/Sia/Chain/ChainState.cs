using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

/// <summary>A siacoin output that exists or existed on the current path, with the height it became (or becomes) spendable.</summary>
public readonly record struct CreatedOutput(SiacoinOutput Output, ulong MaturityHeight);

/// <summary>Where a confirmed transaction sits.</summary>
public readonly record struct TransactionLocation(ulong Height, int Index);

/// <summary>
/// The consensus state of the devnet's one chain: the blocks of the current path, unspent siacoin and siafund outputs,
/// open file contracts, outputs waiting for maturity and the siafund pool. Every mutation records its inverse in a journal,
/// so a block (or a scratch application by the transaction pool) can be undone exactly. Not thread-safe: the owner locks.
/// </summary>
public sealed partial class ChainState
{
    /// <summary>How many recent blocks keep undo data; deeper reorganisations are refused.</summary>
    public const int MaxUndoDepth = 2_000;

    private readonly List<Block> _blocks = [];
    private readonly List<Hash256> _ids = [];
    private readonly Dictionary<Hash256, ulong> _heightById = [];
    private readonly Dictionary<Hash256, TransactionLocation> _confirmed = [];
    private readonly Dictionary<Hash256, SiacoinOutput> _siacoinOutputs = [];
    private readonly Dictionary<Hash256, SiafundOutput> _siafundOutputs = [];
    private readonly Dictionary<Hash256, FileContract> _fileContracts = [];
    private readonly Dictionary<ulong, Dictionary<Hash256, SiacoinOutput>> _delayed = [];
    private readonly Dictionary<ulong, HashSet<Hash256>> _expirations = [];
    private readonly Dictionary<Hash256, CreatedOutput> _created = [];
    private readonly List<Action> _journal = [];
    private readonly List<long> _blockJournalStart = [];
    private long _journalBase;

    public ChainState(SiadProfile profile, Block genesis)
    {
        Profile = profile;
        ApplyGenesis(genesis);
    }

    public SiadProfile Profile { get; }

    /// <summary>The tip height; genesis is 0.</summary>
    public ulong Height => (ulong)_blocks.Count - 1;

    public Hash256 TipId => _ids[^1];

    public Block Tip => _blocks[^1];

    public Currency SiafundPool { get; private set; }

    public IReadOnlyDictionary<Hash256, SiacoinOutput> SiacoinOutputs => _siacoinOutputs;

    public IReadOnlyDictionary<Hash256, SiafundOutput> SiafundOutputs => _siafundOutputs;

    public IReadOnlyDictionary<Hash256, FileContract> FileContracts => _fileContracts;

    /// <summary>How many blocks at the tip can still be reverted.</summary>
    public int RevertableDepth => _blockJournalStart.Count(start => start >= _journalBase);

    public Block BlockAt(ulong height) => _blocks[checked((int)height)];

    public Hash256 IdAt(ulong height) => _ids[checked((int)height)];

    public bool TryGetHeight(Hash256 blockId, out ulong height) => _heightById.TryGetValue(blockId, out height);

    public bool TryGetConfirmed(Hash256 transactionId, out TransactionLocation location) => _confirmed.TryGetValue(transactionId, out location);

    public bool IsConfirmed(Hash256 transactionId) => _confirmed.ContainsKey(transactionId);

    public bool TryGetCreatedOutput(Hash256 id, out CreatedOutput output) => _created.TryGetValue(id, out output);

    /// <summary>Outputs that mature at a later height (miner payouts, contract payouts, siafund claims).</summary>
    public IEnumerable<(Hash256 Id, SiacoinOutput Output, ulong MaturityHeight)> DelayedOutputs =>
        _delayed.SelectMany(bucket => bucket.Value.Select(o => (o.Key, o.Value, bucket.Key)));

    // ---- journal ----

    /// <summary>A point the state can be rolled back to (used by the pool to try transactions on top of the chain).</summary>
    public long JournalPosition => _journalBase + _journal.Count;

    public void RollbackTo(long position)
    {
        if (position < _journalBase)
        {
            throw new InvalidOperationException("undo data for that point has been pruned");
        }

        for (var i = _journal.Count - 1; i >= position - _journalBase; i--)
        {
            _journal[i]();
        }

        _journal.RemoveRange((int)(position - _journalBase), _journal.Count - (int)(position - _journalBase));
    }

    private void PruneUndo()
    {
        var keep = MaxUndoDepth;
        if (_blockJournalStart.Count <= keep + 1_000)
        {
            return;
        }

        var newBase = _blockJournalStart[_blockJournalStart.Count - keep];
        _journal.RemoveRange(0, (int)(newBase - _journalBase));
        _journalBase = newBase;
    }

    private void AddSiacoinOutput(Hash256 id, SiacoinOutput output)
    {
        if (!_siacoinOutputs.TryAdd(id, output))
        {
            throw new ConsensusException("siacoin output id already exists: " + id);
        }

        _journal.Add(() => _siacoinOutputs.Remove(id));
    }

    private void RemoveSiacoinOutput(Hash256 id)
    {
        var output = _siacoinOutputs[id];
        _siacoinOutputs.Remove(id);
        _journal.Add(() => _siacoinOutputs.Add(id, output));
    }

    private void AddSiafundOutput(Hash256 id, SiafundOutput output)
    {
        if (!_siafundOutputs.TryAdd(id, output))
        {
            throw new ConsensusException("siafund output id already exists: " + id);
        }

        _journal.Add(() => _siafundOutputs.Remove(id));
    }

    private void RemoveSiafundOutput(Hash256 id)
    {
        var output = _siafundOutputs[id];
        _siafundOutputs.Remove(id);
        _journal.Add(() => _siafundOutputs.Add(id, output));
    }

    private void AddFileContract(Hash256 id, FileContract contract)
    {
        if (!_fileContracts.TryAdd(id, contract))
        {
            throw new ConsensusException("file contract id already exists: " + id);
        }

        _journal.Add(() => _fileContracts.Remove(id));
        AddExpiration(contract.WindowEnd, id);
    }

    private void RemoveFileContract(Hash256 id)
    {
        var contract = _fileContracts[id];
        _fileContracts.Remove(id);
        _journal.Add(() => _fileContracts.Add(id, contract));
        RemoveExpiration(contract.WindowEnd, id);
    }

    private void ReviseFileContract(Hash256 id, FileContract revised)
    {
        var old = _fileContracts[id];
        RemoveExpiration(old.WindowEnd, id);
        _fileContracts[id] = revised;
        _journal.Add(() => _fileContracts[id] = old);
        AddExpiration(revised.WindowEnd, id);
    }

    private void AddExpiration(ulong height, Hash256 id)
    {
        if (!_expirations.TryGetValue(height, out var set))
        {
            _expirations[height] = set = [];
        }

        set.Add(id);
        _journal.Add(() => set.Remove(id));
    }

    private void RemoveExpiration(ulong height, Hash256 id)
    {
        if (_expirations.TryGetValue(height, out var set) && set.Remove(id))
        {
            _journal.Add(() => set.Add(id));
        }
    }

    private void AddDelayed(ulong maturity, Hash256 id, SiacoinOutput output)
    {
        if (!_delayed.TryGetValue(maturity, out var bucket))
        {
            _delayed[maturity] = bucket = [];
        }

        if (!bucket.TryAdd(id, output))
        {
            throw new ConsensusException("delayed output id already exists: " + id);
        }

        _journal.Add(() => bucket.Remove(id));
        RecordCreated(id, output, maturity);
    }

    private void RecordCreated(Hash256 id, SiacoinOutput output, ulong maturity)
    {
        var had = _created.TryGetValue(id, out var previous);
        _created[id] = new CreatedOutput(output, maturity);
        _journal.Add(() =>
        {
            if (had)
            {
                _created[id] = previous;
            }
            else
            {
                _created.Remove(id);
            }
        });
    }

    private void SetSiafundPool(Currency value)
    {
        var old = SiafundPool;
        SiafundPool = value;
        _journal.Add(() => SiafundPool = old);
    }

    private void SetConfirmed(Hash256 transactionId, TransactionLocation location)
    {
        var had = _confirmed.TryGetValue(transactionId, out var previous);
        _confirmed[transactionId] = location;
        _journal.Add(() =>
        {
            if (had)
            {
                _confirmed[transactionId] = previous;
            }
            else
            {
                _confirmed.Remove(transactionId);
            }
        });
    }

    private void PushBlock(Block block, Hash256 id)
    {
        var height = (ulong)_blocks.Count;
        _blocks.Add(block);
        _ids.Add(id);
        _heightById[id] = height;
        _journal.Add(() =>
        {
            _blocks.RemoveAt(_blocks.Count - 1);
            _ids.RemoveAt(_ids.Count - 1);
            _heightById.Remove(id);
        });
    }
}
