using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Sia;

/// <summary>
/// Differential test against Sia's own Go core (go.sia.tech/core compiled to WebAssembly in @siafoundation/sdk):
/// encodings, transaction IDs, standard addresses and signatures of randomized inputs must be identical.
/// Seed: P2P_TEST_SEED or the fixed default; it is printed in every failure.
/// </summary>
[Category("Oracle")]
public sealed class OracleDifferentialTests
{
    private const int TransactionCases = 1000;
    private const int KeyCases = 300;
    private const int SignatureCasesPerRule = 100;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    private static readonly (string Name, ChainRules Rules, ulong Height)[] RuleSets =
    [
        ("none", ChainRules.Siad13Dev, 150),
        ("prefix0", ChainRules.Siad15Dev, 50),
        ("prefix1", ChainRules.Siad15Dev, 150),
    ];

    [Test]
    [CancelAfter(300_000)]
    public async Task OursEqualsSiaCoreOnRandomizedInputs(CancellationToken cancellationToken)
    {
        var random = new RandomTransactions(Seed);
        var transactions = Enumerable.Range(0, TransactionCases).Select(_ => random.Next()).ToArray();
        var keys = Enumerable.Range(0, KeyCases).Select(_ => random.Bytes(32)).ToArray();
        var signatureCases = RuleSets
            .SelectMany(rule => Enumerable.Range(0, SignatureCasesPerRule).Select(_ => (Rule: rule, Transaction: NextSigned(random), Seed: random.Bytes(32))))
            .Select(c => c with { Transaction = c.Transaction })
            .ToArray();

        var request = new JObject
        {
            ["transactions"] = new JArray(transactions.Select(CoreJson.Transaction)),
            ["unlockHashes"] = new JArray(keys.Select(Convert.ToHexStringLower)),
            ["signatures"] = new JArray(signatureCases.Select(c => new JObject
            {
                ["transaction"] = CoreJson.Transaction(c.Transaction),
                ["sigIndex"] = 0,
                ["seed"] = Convert.ToHexStringLower(c.Seed),
                ["rules"] = c.Rule.Name,
            })),
        };

        var response = await SiaOracle.RunAsync(request, cancellationToken);

        var oracleTransactions = (JArray)response["transactions"]!;
        Assert.That(oracleTransactions, Has.Count.EqualTo(TransactionCases));
        for (var i = 0; i < transactions.Length; i++)
        {
            var expected = (JObject)oracleTransactions[i];
            Assert.That(expected["error"], Is.Null, $"oracle rejected transaction {i} (seed {Seed}): {expected["error"]}");
            Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(transactions[i])), Is.EqualTo((string)expected["encoding"]!), $"encoding of transaction {i} (seed {Seed})");
            Assert.That(transactions[i].Id.ToString(), Is.EqualTo((string)expected["id"]!), $"ID of transaction {i} (seed {Seed})");
        }

        var oracleAddresses = (JArray)response["unlockHashes"]!;
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.That(UnlockConditions.Standard(keys[i]).UnlockHash().ToString(), Is.EqualTo((string)oracleAddresses[i]!), $"address of key {i} (seed {Seed})");
        }

        var oracleSignatures = (JArray)response["signatures"]!;
        for (var i = 0; i < signatureCases.Length; i++)
        {
            var (rule, transaction, seed) = signatureCases[i];
            using var key = Ed25519.ImportSeed(seed);
            var signed = TransactionSigner.Sign(transaction, 0, key, rule.Rules, rule.Height);
            Assert.That(Convert.ToHexStringLower(signed.TransactionSignatures[0].Signature), Is.EqualTo((string)oracleSignatures[i]!),
                $"signature {i} under {rule.Name}, whole={transaction.TransactionSignatures[0].CoveredFields.WholeTransaction} (seed {Seed})");
        }
    }

    /// <summary>A transaction whose first signature covers something, so every rule set has something to sign.</summary>
    private static Transaction NextSigned(RandomTransactions random)
    {
        while (true)
        {
            var transaction = random.Next();
            if (transaction.TransactionSignatures.Count > 0 && transaction.SiacoinInputs.Count > 0)
            {
                return transaction;
            }
        }
    }
}
