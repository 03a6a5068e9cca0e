using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>
/// The whole chain captured from a real siad 1.3.3 (../shared/fixtures/siad-1.3.3/blocks.jsonl): every ID siad put
/// in its JSON must be re-derived from the decoded block alone, and every signature must verify under 1.3's rules.
/// </summary>
[Category("Vectors")]
public sealed class FixtureChainTests
{
    private static readonly Lazy<IReadOnlyList<(JObject Json, Block Block)>> Chain = new(() =>
        File.ReadLines(TestPaths.Fixture("siad-1.3.3/blocks.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => (JObject.Parse(line), SiaJson.Deserialize<Block>(line)))
            .ToArray());

    [Test]
    public void HoldsTheWholeCapturedChain()
    {
        Assert.That(Chain.Value, Has.Count.EqualTo(112));
        Assert.That(Chain.Value.Select(b => (ulong)b.Json["height"]!), Is.EqualTo(Enumerable.Range(0, 112).Select(h => (ulong)h)));
        Assert.That(Chain.Value[0].Block.Id.ToString(), Is.EqualTo("6581df2b1dae4ab8755cc2092ee438555ee1c705ecc34743d853c5d625c522c4"), "siad 1.3.x dev genesis");
    }

    [Test]
    public void EveryBlockIdIsRederivedAndLinksToItsParent()
    {
        Hash256? previous = null;
        foreach (var (json, block) in Chain.Value)
        {
            Assert.That(block.Id.ToString(), Is.EqualTo((string)json["id"]!), $"block at height {json["height"]}");
            if (previous is { } parent)
            {
                Assert.That(block.ParentId, Is.EqualTo(parent));
            }

            previous = block.Id;
        }
    }

    [Test]
    public void EveryTransactionReencodesToItsIdAndDerivesItsOutputIds()
    {
        var checkedIds = 0;
        foreach (var (json, block) in Chain.Value)
        {
            var jsonTransactions = (JArray)json["transactions"]!;
            for (var t = 0; t < block.Transactions.Count; t++)
            {
                var transaction = block.Transactions[t];
                var expected = (JObject)jsonTransactions[t];
                var encoded = SiaEncoding.Encode(transaction);
                var roundTripped = SiaEncoding.Decode<Transaction>(encoded);

                Assert.That(SiaEncoding.Encode(roundTripped), Is.EqualTo(encoded));
                Assert.That(transaction.Id.ToString(), Is.EqualTo((string)expected["id"]!), $"transaction {t} at height {json["height"]}");
                Assert.That(roundTripped.Id, Is.EqualTo(transaction.Id));
                checkedIds++;

                checkedIds += AssertIds(expected["siacoinoutputs"], i => transaction.SiacoinOutputId(i));
                checkedIds += AssertIds(expected["siafundoutputs"], i => transaction.SiafundOutputId(i));
                checkedIds += AssertIds(expected["filecontracts"], i => transaction.FileContractId(i));
                var contracts = (JArray)expected["filecontracts"]!;
                for (var c = 0; c < contracts.Count; c++)
                {
                    var contractId = transaction.FileContractId(c);
                    checkedIds += AssertIds(contracts[c]["validproofoutputs"], i => SiaIds.StorageProofOutputId(contractId, true, i));
                    checkedIds += AssertIds(contracts[c]["missedproofoutputs"], i => SiaIds.StorageProofOutputId(contractId, false, i));
                }
            }
        }

        Assert.That(checkedIds, Is.GreaterThan(300), "the fixture chain holds hundreds of IDs");
    }

    [Test]
    public void EverySpentOutputWasCreatedEarlierWithTheSpendersAddress()
    {
        // Miner payouts carry no IDs in 1.3.3's JSON; spending them proves our miner-payout and proof-output IDs too.
        var outputs = new Dictionary<Hash256, UnlockHash>();
        var spends = 0;
        foreach (var (_, block) in Chain.Value)
        {
            for (var i = 0; i < block.MinerPayouts.Count; i++)
            {
                outputs[block.MinerPayoutId(i)] = block.MinerPayouts[i].UnlockHash;
            }

            foreach (var transaction in block.Transactions)
            {
                foreach (var input in transaction.SiacoinInputs)
                {
                    Assert.That(outputs.TryGetValue(input.ParentId, out var address), Is.True, $"input {input.ParentId} spends an unknown output");
                    Assert.That(input.UnlockConditions.UnlockHash(), Is.EqualTo(address));
                    spends++;
                }

                for (var i = 0; i < transaction.SiacoinOutputs.Count; i++)
                {
                    outputs[transaction.SiacoinOutputId(i)] = transaction.SiacoinOutputs[i].UnlockHash;
                }

                for (var c = 0; c < transaction.FileContracts.Count; c++)
                {
                    var contract = transaction.FileContracts[c];
                    var id = transaction.FileContractId(c);
                    for (var i = 0; i < contract.ValidProofOutputs.Count; i++)
                    {
                        outputs[SiaIds.StorageProofOutputId(id, true, i)] = contract.ValidProofOutputs[i].UnlockHash;
                    }

                    for (var i = 0; i < contract.MissedProofOutputs.Count; i++)
                    {
                        outputs[SiaIds.StorageProofOutputId(id, false, i)] = contract.MissedProofOutputs[i].UnlockHash;
                    }
                }
            }
        }

        Assert.That(spends, Is.GreaterThan(10));
    }

    [Test]
    public void EverySignatureVerifiesUnder13RulesAndFailsWithAReplayPrefix()
    {
        var signatures = 0;
        var inputSigned = 0;
        foreach (var (json, block) in Chain.Value)
        {
            var height = (ulong)json["height"]!;
            foreach (var transaction in block.Transactions.Where(t => t.TransactionSignatures.Count > 0))
            {
                Assert.That(SignatureVerifier.Verify(transaction, ChainRules.Siad13Dev, height), Is.Null, $"transaction {transaction.Id}");
                signatures += transaction.TransactionSignatures.Count;

                // Revision-only signatures cover no input, so the replay prefix cannot change them.
                if (transaction.TransactionSignatures.Any(s => s.CoveredFields.WholeTransaction && transaction.SiacoinInputs.Count > 0))
                {
                    Assert.That(SignatureVerifier.Verify(transaction, ChainRules.Siad15Dev, 100), Is.EqualTo(SignatureVerifier.InvalidSignature));
                    Assert.That(SignatureVerifier.Verify(transaction, ChainRules.Siad15Dev, 5), Is.EqualTo(SignatureVerifier.InvalidSignature));
                    inputSigned++;
                }
            }
        }

        Assert.That(signatures, Is.GreaterThan(10));
        Assert.That(inputSigned, Is.GreaterThan(5));
    }

    [Test]
    public void FixtureHoldsTheDocumentedKindsOfTransactions()
    {
        var transactions = Chain.Value.SelectMany(b => b.Block.Transactions).ToArray();

        Assert.That(transactions.Count(t => t.FileContracts.Count > 0), Is.EqualTo(5), "zero-size channels and one 256 KiB contract");
        Assert.That(transactions.SelectMany(t => t.FileContractRevisions).Select(r => r.NewRevisionNumber), Is.EquivalentTo(new ulong[] { 1, 2, 1, 2, 1, 2, 3 }));
        var announcements = transactions.SelectMany(t => t.ArbitraryData).Where(d => HostAnnouncement.TryDecode(d, out _)).ToArray();
        Assert.That(announcements, Has.Length.GreaterThanOrEqualTo(2), "siad's own and one signed outside siad");
    }

    private static int AssertIds(JToken? items, Func<int, Hash256> derive)
    {
        var array = items as JArray ?? [];
        for (var i = 0; i < array.Count; i++)
        {
            Assert.That(derive(i).ToString(), Is.EqualTo((string)array[i]["id"]!), $"{array.Path}[{i}]");
        }

        return array.Count;
    }
}
