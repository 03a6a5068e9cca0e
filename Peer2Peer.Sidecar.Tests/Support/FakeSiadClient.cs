using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Siad.Dtos;

namespace Peer2Peer.Sidecar.Tests.Support;

/// <summary>
/// A chain in memory behind <see cref="ISiadClient"/>: tests extend it, reorganize it and see what the sidecar does.
/// Calls that a test did not set up fail loudly.
/// </summary>
public sealed class FakeSiadClient : ISiadClient
{
    private readonly Lock _lock = new();
    private List<Block> _chain = [];
    private int _nonce;

    public FakeSiadClient(int blocks = 1)
    {
        Extend(blocks);
    }

    public Func<Transaction, IReadOnlyList<Transaction>, Task>? OnBroadcast { get; set; }

    public Func<Currency, UnlockHash, Task<IReadOnlyList<Hash256>>>? OnSendSiacoins { get; set; }

    public List<Transaction> Broadcasts { get; } = [];

    public ulong TipHeight
    {
        get
        {
            lock (_lock)
            {
                return (ulong)_chain.Count - 1;
            }
        }
    }

    public IReadOnlyList<Block> Chain
    {
        get
        {
            lock (_lock)
            {
                return _chain.ToArray();
            }
        }
    }

    /// <summary>Mines <paramref name="count"/> blocks on the tip, the last one carrying <paramref name="transactions"/>.</summary>
    public void Extend(int count, params Transaction[] transactions)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var parent = _chain.Count == 0 ? default : _chain[^1].Id;
                _chain.Add(new Block
                {
                    ParentId = parent,
                    Nonce = (ulong)Interlocked.Increment(ref _nonce),
                    Timestamp = 1_700_000_000 + (ulong)_chain.Count,
                    Transactions = i == count - 1 ? transactions : [],
                });
            }
        }
    }

    /// <summary>Drops the top <paramref name="depth"/> blocks (a reorganization; extend afterwards for the new branch).</summary>
    public void Rewind(int depth)
    {
        lock (_lock)
        {
            _chain = _chain.Take(_chain.Count - depth).ToList();
        }
    }

    public Task<ConsensusTip> GetConsensusAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new ConsensusTip(true, (ulong)_chain.Count - 1, _chain[^1].Id));
        }
    }

    /// <summary>Awaited before a block is served (to slow some down, or count requests in flight).</summary>
    public Func<ulong, CancellationToken, Task>? BeforeBlock { get; set; }

    public async Task<ChainBlock?> GetBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        if (BeforeBlock is { } before)
        {
            await before(height, cancellationToken);
        }

        lock (_lock)
        {
            return height < (ulong)_chain.Count ? new ChainBlock(height, _chain[(int)height].Id, _chain[(int)height]) : null;
        }
    }

    public Task<SiadVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new SiadVersion("1.5.9", SiadGeneration.V15));

    public Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DaemonConstantsResponse(12, 10, 1424139000, 2_000_000));

    public Task<TransactionFee> GetTransactionFeeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new TransactionFee(Currency.Parse("10000000000000000000"), Currency.Parse("30000000000000000000")));

    public async Task BroadcastAsync(Transaction transaction, IReadOnlyList<Transaction> parents, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Broadcasts.Add(transaction);
        }

        if (OnBroadcast is not null)
        {
            await OnBroadcast(transaction, parents);
        }
    }

    public Task<bool> IsConfirmedAsync(Hash256 transactionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_chain.Any(b => b.Transactions.Any(t => t.Id == transactionId)));
        }
    }

    public Task<IReadOnlyList<Hash256>> SendSiacoinsAsync(Currency amount, UnlockHash destination, CancellationToken cancellationToken) =>
        (OnSendSiacoins ?? throw new InvalidOperationException("SendSiacoinsAsync was called but the test did not set OnSendSiacoins"))(amount, destination);

    public Task<WalletResponse> GetWalletAsync(CancellationToken cancellationToken) => throw Unset();

    public Task<HostResponse> GetHostAsync(CancellationToken cancellationToken) => throw Unset();

    public Task AnnounceHostAsync(string? netAddress, CancellationToken cancellationToken) => throw Unset();

    public Task<IReadOnlyList<HostDbEntry>> GetAllHostsAsync(CancellationToken cancellationToken) => throw Unset();

    private static InvalidOperationException Unset([System.Runtime.CompilerServices.CallerMemberName] string call = "") =>
        new($"{call} was called but FakeSiadClient does not serve it");
}
