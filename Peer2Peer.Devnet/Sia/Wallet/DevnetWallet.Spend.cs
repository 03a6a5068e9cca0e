using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Wallet;

public sealed partial class DevnetWallet
{
    /// <summary>
    /// POST /wallet/siacoins: pays <paramref name="outputs"/> plus siad's fee (max fee/byte × 750). Returns the submitted
    /// set (parent splitting out the exact amount, then the paying transaction, which holds the outputs).
    /// </summary>
    public IReadOnlyList<Transaction> Send(IReadOnlyList<SiacoinOutput> outputs, bool feeIncluded)
    {
        lock (_chain.Sync)
        {
            RequireUnlocked();
            var fee = SendFee;
            var total = Currency.Sum(outputs.Select(o => o.Value));
            if (feeIncluded)
            {
                if (outputs.Count != 1 || total <= fee)
                {
                    throw new WalletException("unable to fund transaction: " + WalletErrors.InsufficientBalance);
                }

                outputs = [outputs[0] with { Value = outputs[0].Value - fee }];
            }
            else
            {
                total += fee;
            }

            return FundAndSubmit(total, fee, child => child with { SiacoinOutputs = outputs });
        }
    }

    /// <summary>Funds a transaction carrying <paramref name="arbitraryData"/> with fee max fee/byte × 600 (host announcements).</summary>
    public IReadOnlyList<Transaction> SendArbitraryData(byte[] arbitraryData)
    {
        lock (_chain.Sync)
        {
            RequireUnlocked();
            return FundAndSubmit(AnnounceFee, AnnounceFee, child => child with { ArbitraryData = [arbitraryData] });
        }
    }

    /// <summary>
    /// POST /wallet/sign: fills the signatures whose parent IDs are in <paramref name="toSign"/> (every input the wallet can
    /// sign when empty), at the current height. Never signs revisions.
    /// </summary>
    public Transaction Sign(Transaction transaction, IReadOnlyList<Hash256> toSign)
    {
        lock (_chain.Sync)
        {
            RequireUnlocked();
            var inputs = transaction.SiacoinInputs.Select(i => (i.ParentId, i.UnlockConditions))
                .Concat(transaction.SiafundInputs.Select(i => (i.ParentId, i.UnlockConditions))).ToArray();
            var targets = toSign.Count > 0
                ? toSign
                : inputs.Where(i => Owns(i.UnlockConditions.UnlockHash())).Select(i => i.ParentId).ToArray();
            foreach (var id in targets)
            {
                var sigIndex = transaction.TransactionSignatures.ToList().FindIndex(s => s.ParentId == id);
                if (sigIndex < 0)
                {
                    throw new WalletException("toSign references signatures not present in transaction");
                }

                var input = inputs.FirstOrDefault(i => i.ParentId == id);
                if (input.UnlockConditions is null)
                {
                    throw new WalletException("toSign references IDs not present in transaction");
                }

                var signature = transaction.TransactionSignatures[sigIndex];
                var keyIndex = signature.PublicKeyIndex;
                if (keyIndex >= (ulong)input.UnlockConditions.PublicKeys.Count
                    || !_keys.TryGetValue(UnlockConditions.Standard(input.UnlockConditions.PublicKeys[(int)keyIndex]).UnlockHash(), out var key)
                    || !signature.CoveredFieldsAreValid(transaction))
                {
                    throw new WalletException("could not locate signing key for " + id);
                }

                transaction = TransactionSigner.Sign(transaction, sigIndex, key.Key, _chain.Profile.Rules, _chain.State.Height);
            }

            return transaction;
        }
    }

    private IReadOnlyList<Transaction> FundAndSubmit(Currency amount, Currency fee, Func<Transaction, Transaction> fill)
    {
        var state = _chain.State;
        var spent = SpentInPool();
        var owned = state.SiacoinOutputs.Where(o => Owns(o.Value.UnlockHash)).ToArray();
        if (Currency.Sum(owned.Select(o => o.Value.Value)) < amount)
        {
            throw new WalletException("unable to fund transaction: " + WalletErrors.InsufficientBalance);
        }

        var selected = new List<KeyValuePair<Hash256, SiacoinOutput>>();
        var funded = Currency.Zero;
        foreach (var output in owned.Where(o => !spent.Contains(o.Key)).OrderByDescending(o => o.Value.Value))
        {
            if (funded >= amount)
            {
                break;
            }

            selected.Add(output);
            funded += output.Value.Value;
        }

        if (funded < amount)
        {
            throw new WalletException("unable to fund transaction: " + WalletErrors.IncompleteTransactions);
        }

        var exactAddress = NextAddressLocked();
        var parentOutputs = new List<SiacoinOutput> { new() { Value = amount, UnlockHash = exactAddress } };
        if (funded > amount)
        {
            parentOutputs.Add(new SiacoinOutput { Value = funded - amount, UnlockHash = NextAddressLocked() });
        }

        var parent = SignAll(new Transaction
        {
            SiacoinInputs = selected.Select(o => new SiacoinInput { ParentId = o.Key, UnlockConditions = _keys[o.Value.UnlockHash].Conditions }).ToArray(),
            SiacoinOutputs = parentOutputs,
            TransactionSignatures = selected.Select(o => new TransactionSignature { ParentId = o.Key, CoveredFields = CoveredFields.Whole }).ToArray(),
        });

        var exactId = parent.SiacoinOutputId(0);
        var child = SignAll(fill(new Transaction
        {
            SiacoinInputs = [new SiacoinInput { ParentId = exactId, UnlockConditions = _keys[exactAddress].Conditions }],
            MinerFees = [fee],
            TransactionSignatures = [new TransactionSignature { ParentId = exactId, CoveredFields = CoveredFields.Whole }],
        }));

        Transaction[] set = [parent, child];
        if (_chain.Pool.Accept(set) is { } rejected)
        {
            throw new WalletException("unable to get transaction accepted: " + rejected);
        }

        return set;
    }

    private Transaction SignAll(Transaction transaction)
    {
        for (var i = 0; i < transaction.TransactionSignatures.Count; i++)
        {
            var input = transaction.SiacoinInputs.First(s => s.ParentId == transaction.TransactionSignatures[i].ParentId);
            transaction = TransactionSigner.Sign(transaction, i, _keys[input.UnlockConditions.UnlockHash()].Key, _chain.Profile.Rules, _chain.State.Height);
        }

        return transaction;
    }
}

internal static class CoveredFieldsChecks
{
    /// <summary>Covered indexes in range, so computing the SigHash cannot fail.</summary>
    public static bool CoveredFieldsAreValid(this TransactionSignature signature, Transaction transaction)
    {
        int[] lengths =
        [
            transaction.SiacoinInputs.Count, transaction.SiacoinOutputs.Count, transaction.FileContracts.Count,
            transaction.FileContractRevisions.Count, transaction.StorageProofs.Count, transaction.SiafundInputs.Count,
            transaction.SiafundOutputs.Count, transaction.MinerFees.Count, transaction.ArbitraryData.Count,
            transaction.TransactionSignatures.Count,
        ];
        var lists = signature.CoveredFields.Lists;
        for (var f = 0; f < lists.Length; f++)
        {
            if (lists[f].Any(i => i >= (ulong)lengths[f]))
            {
                return false;
            }
        }

        return true;
    }
}
