using Peer2Peer.Devnet.Sia;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using static Peer2Peer.Sidecar.Tests.Support.TestKeys;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>
/// POST /tpool/raw against both siad generations: what real siad 1.3.3 accepted and rejected transaction by transaction
/// (SIAD.md §15.1), with each generation's exact wording.
/// </summary>
[TestFixture(SiadVersion.V133)]
[TestFixture(SiadVersion.V159)]
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class TpoolRawTests(SiadVersion version)
{
    private static readonly Currency Fee = Currency.Siacoins(1) / 100;
    private static readonly UnlockConditions TwoOfTwo = new() { PublicKeys = [PublicA, PublicB], SignaturesRequired = 2 };
    private DevnetTester _tester = null!;

    private string Invalid(string reason) => version == SiadVersion.V133
        ? "error accepting transaction set:consensus conflict: provided transaction set is standalone and invalid: " + reason
        : "error accepting transaction set: consensus conflict: provided transaction set is invalid: " + reason;

    private string Rejected(string reason) => (version == SiadVersion.V133 ? "error accepting transaction set:" : "error accepting transaction set: ") + reason;

    [SetUp]
    public async Task StartAsync() => _tester = await DevnetTester.StartAsync(version);

    [TearDown]
    public async Task StopAsync() => await _tester.DisposeAsync();

    private (Hash256 Id, Currency Value) FundA(ulong siacoins = 1000) => (_tester.Fund(AddressA, Currency.Siacoins(siacoins)), Currency.Siacoins(siacoins));

    private static Transaction Spend(Hash256 parent, Currency value, UnlockConditions? conditions = null, Currency? fee = null) => new()
    {
        SiacoinInputs = [new SiacoinInput { ParentId = parent, UnlockConditions = conditions ?? UnlockConditions.Standard(PublicA) }],
        SiacoinOutputs = [new SiacoinOutput { Value = value - (fee ?? Fee), UnlockHash = AddressB }],
        MinerFees = [fee ?? Fee],
        TransactionSignatures = [new TransactionSignature { ParentId = parent, CoveredFields = CoveredFields.Whole }],
    };

    private Transaction SignA(Transaction t)
    {
        using var key = KeyA();
        return _tester.Sign(t, key);
    }

    private async Task AssertRejected(Transaction transaction, string expected)
    {
        var response = await _tester.SubmitAsync(transaction);
        Assert.That(response.Status, Is.EqualTo(400), response.ToString());
        Assert.That(response.Message, Is.EqualTo(expected));
    }

    [Test]
    public async Task AcceptsANonSiaArbitraryDataSpendAndConfirmsItOnceMined()
    {
        var (id, value) = FundA();
        var transaction = SignA(Spend(id, value) with { ArbitraryData = [[.. NonSiaPrefix(), 1, 2, 3]] });

        var response = await _tester.SubmitAsync(transaction);
        Assert.That(response.Status, Is.EqualTo(204), response.ToString());
        Assert.That((await _tester.SubmitAsync(transaction)).Status, Is.EqualTo(204), "resubmitting a pooled transaction");
        var http = _tester.Http();
        Assert.That((bool)(await http.GetAsync($"/tpool/confirmed/{transaction.Id}")).Json["confirmed"]!, Is.False);

        _tester.Devnet.Mine();
        Assert.That((bool)(await http.GetAsync($"/tpool/confirmed/{transaction.Id}")).Json["confirmed"]!, Is.True);
        Assert.That((await _tester.SubmitAsync(transaction)).Status, Is.EqualTo(204), "resubmitting a confirmed transaction");
    }

    [Test]
    public async Task AcceptsAStandardHostAnnouncement()
    {
        var (id, value) = FundA();
        using var hostKey = KeyB();
        var announcement = new HostAnnouncement("host-b.siadev.test:9982", PublicB).Sign(hostKey);
        var response = await _tester.SubmitAsync(SignA(Spend(id, value) with { ArbitraryData = [announcement] }));
        Assert.That(response.Status, Is.EqualTo(204), response.ToString());
    }

    [Test]
    public async Task RejectsAFlippedSignatureByte()
    {
        var (id, value) = FundA();
        var signed = SignA(Spend(id, value));
        var bytes = signed.TransactionSignatures[0].Signature.ToArray();
        bytes[10] ^= 0x01;
        await AssertRejected(signed with { TransactionSignatures = [signed.TransactionSignatures[0] with { Signature = bytes }] }, Invalid("invalid signature"));
    }

    [Test]
    public async Task RejectsSumsOffByOneHasting()
    {
        var (id, value) = FundA();
        var transaction = Spend(id, value);
        transaction = transaction with { SiacoinOutputs = [transaction.SiacoinOutputs[0] with { Value = transaction.SiacoinOutputs[0].Value + new Currency(1) }] };
        await AssertRejected(SignA(transaction), Invalid("siacoin inputs do not equal siacoin outputs for transaction"));
    }

    [Test]
    public async Task RejectsAnUnknownArbitraryDataPrefix()
    {
        var (id, value) = FundA();
        var custom = Specifier.FromName("Peer2PeerOffer");
        var data = new byte[24];
        custom.CopyTo(data);
        await AssertRejected(SignA(Spend(id, value) with { ArbitraryData = [data] }), Rejected("transaction contains non-standard arbitrary data"));
    }

    [Test]
    public async Task RejectsAnFCIdentifierPrefixOnlyOn133()
    {
        var (id, value) = FundA();
        var data = new byte[32];
        Specifier.FCIdentifier.CopyTo(data);
        var response = await _tester.SubmitAsync(SignA(Spend(id, value) with { ArbitraryData = [data] }));
        if (version == SiadVersion.V133)
        {
            Assert.That(response.Message, Is.EqualTo(Rejected("transaction contains non-standard arbitrary data")));
        }
        else
        {
            Assert.That(response.Status, Is.EqualTo(204), response.ToString());
        }
    }

    [Test]
    public async Task RejectsADoubleSpendOfAConfirmedOutput()
    {
        var (id, value) = FundA();
        Assert.That((await _tester.SubmitAsync(SignA(Spend(id, value)))).Status, Is.EqualTo(204));
        _tester.Devnet.Mine();
        await AssertRejected(SignA(Spend(id, value, fee: Fee * 2)), Invalid("transaction spends a nonexisting siacoin output"));
    }

    [Test]
    public async Task RejectsADoubleSpendOfAPooledOutput()
    {
        var (id, value) = FundA();
        Assert.That((await _tester.SubmitAsync(SignA(Spend(id, value)))).Status, Is.EqualTo(204));
        await AssertRejected(SignA(Spend(id, value, fee: Fee * 2)),
            Rejected("consensus conflict: provided transaction set has prereqs, but is still invalid: transaction spends a nonexisting siacoin output"));
    }

    [Test]
    public async Task RejectsAnotherKeysUnlockConditions()
    {
        var (id, value) = FundA();
        using var keyB = KeyB();
        var transaction = _tester.Sign(Spend(id, value, UnlockConditions.Standard(PublicB)), keyB);
        await AssertRejected(transaction, Invalid("transaction contains incorrect unlock conditions"));
    }

    [Test]
    public async Task RejectsAZeroValueOutput()
    {
        var (id, value) = FundA();
        var transaction = Spend(id, value) with
        {
            SiacoinOutputs = [new SiacoinOutput { Value = value - Fee, UnlockHash = AddressB }, new SiacoinOutput { UnlockHash = AddressA }],
        };
        await AssertRejected(SignA(transaction), Invalid("transaction cannot have an output or payout that has zero value"));
    }

    [Test]
    public async Task RejectsAZeroFee()
    {
        var (id, value) = FundA();
        var transaction = Spend(id, value) with { SiacoinOutputs = [new SiacoinOutput { Value = value - Fee, UnlockHash = AddressB }], MinerFees = [Fee, Currency.Zero] };
        await AssertRejected(SignA(transaction), Invalid("transaction has a zero value miner fee"));
    }

    [Test]
    public async Task RejectsAMissingSignature()
    {
        var (id, value) = FundA();
        await AssertRejected(Spend(id, value) with { TransactionSignatures = [] }, Invalid("transaction has inputs with missing signatures"));
    }

    [Test]
    public async Task RejectsTheOtherGenerationsReplayPrefix()
    {
        var (id, value) = FundA();
        using var key = KeyA();
        var otherRules = version == SiadVersion.V133 ? ChainRules.Siad15Dev : ChainRules.Siad13Dev;
        var signed = TransactionSigner.SignAll(Spend(id, value), key, otherRules, _tester.Devnet.Chain.Height);
        await AssertRejected(signed, Invalid("invalid signature"));
    }

    [Test]
    public async Task AcceptsA2Of2ContractWithRoundedTaxAndRejectsTheUnroundedTax()
    {
        var (id, value) = FundA();
        var payout = Currency.Siacoins(100) + new Currency(123_456_789);
        var h = _tester.Devnet.Chain.Height;
        var unrounded = new Currency(payout.Hastings * 39 / 1000);
        Assert.That(unrounded, Is.Not.EqualTo(_tester.Rules.Tax(h, payout)), "the test needs a payout whose tax gets rounded");

        await AssertRejected(SignA(ContractTransaction(id, value, payout, payout - unrounded)), Invalid("file contract has invalid output sums"));
        var response = await _tester.SubmitAsync(SignA(ContractTransaction(id, value, payout, payout - _tester.Rules.Tax(h, payout))));
        Assert.That(response.Status, Is.EqualTo(204), response.ToString());
    }

    [Test]
    public async Task AcceptsDoublySignedRevisionsAndRejectsStaleSingleSignedOrAlteredOnes()
    {
        var (contractId, contract) = await OpenContractAsync();
        Assert.That((await _tester.SubmitAsync(Revision(contractId, contract, 1, Currency.Siacoins(1)))).Status, Is.EqualTo(204));
        _tester.Devnet.Mine();
        Assert.That((await _tester.SubmitAsync(Revision(contractId, contract, 2, Currency.Siacoins(2)))).Status, Is.EqualTo(204));
        _tester.Devnet.Mine();

        await AssertRejected(Revision(contractId, contract, 2, Currency.Siacoins(3)), Invalid("transaction has a file contract with an outdated revision number"));
        await AssertRejected(Revision(contractId, contract, 3, Currency.Siacoins(3), signB: false), Invalid("transaction has inputs with missing signatures"));
        await AssertRejected(Revision(contractId, contract, 3, Currency.Siacoins(3), extra: new Currency(1)), Invalid("file contract revision has altered payout volume"));
    }

    [Test]
    public async Task RejectsARevisionOnceTheTipReachesTheWindowStart()
    {
        var (contractId, contract) = await OpenContractAsync();
        _tester.Devnet.Mine((int)(contract.WindowStart - _tester.Devnet.Chain.Height));
        Assert.That(_tester.Devnet.Chain.Height, Is.EqualTo(contract.WindowStart));
        await AssertRejected(Revision(contractId, contract, 1, Currency.Siacoins(1)), Invalid("file contract window must start in the future"));
    }

    [Test]
    public async Task PaysMissedOutputsAtWindowEndSpendableAfterTheMaturityDelay()
    {
        var (contractId, contract) = await OpenContractAsync();
        var missed = SiaIds.StorageProofOutputId(contractId, false, 0);
        _tester.Devnet.Mine((int)(contract.WindowEnd - _tester.Devnet.Chain.Height));
        var chain = _tester.Devnet.Chain;
        Assert.That(chain.Read(c => c.State.FileContracts.ContainsKey(contractId)), Is.False, "resolved at WindowEnd");
        Assert.That(chain.Read(c => c.State.SiacoinOutputs.ContainsKey(missed)), Is.False, "not yet mature");

        _tester.Devnet.Mine(9);
        Assert.That(chain.Read(c => c.State.SiacoinOutputs.ContainsKey(missed)), Is.False);
        _tester.Devnet.Mine();
        Assert.That(chain.Read(c => c.State.SiacoinOutputs.ContainsKey(missed)), Is.True, "spendable at WindowEnd + 10");
        var value = contract.MissedProofOutputs[0].Value;
        Assert.That((await _tester.SubmitAsync(SignA(Spend(missed, value)))).Status, Is.EqualTo(204));
    }

    [Test]
    public async Task AnEmptyStorageProofInTheWindowPaysTheValidOutputs()
    {
        var (contractId, contract) = await OpenContractAsync();
        var proof = new Transaction { StorageProofs = [new StorageProof { ParentId = contractId }] };
        await AssertRejected(proof, Invalid("file contract window has not yet openend"));

        _tester.Devnet.Mine((int)(contract.WindowStart - 1 - _tester.Devnet.Chain.Height));
        Assert.That((await _tester.SubmitAsync(proof)).Status, Is.EqualTo(204));
        _tester.Devnet.Mine();
        var valid = SiaIds.StorageProofOutputId(contractId, true, 0);
        Assert.That(_tester.Devnet.Chain.Read(c => c.State.FileContracts.ContainsKey(contractId)), Is.False);
        _tester.Devnet.Mine(10);
        Assert.That(_tester.Devnet.Chain.Read(c => c.State.SiacoinOutputs.ContainsKey(valid)), Is.True);
    }

    private Transaction ContractTransaction(Hash256 id, Currency value, Currency payout, Currency postTax)
    {
        var h = _tester.Devnet.Chain.Height;
        var contract = new FileContract
        {
            WindowStart = h + 20,
            WindowEnd = h + 30,
            Payout = payout,
            ValidProofOutputs = [new SiacoinOutput { Value = postTax, UnlockHash = AddressA }, new SiacoinOutput { UnlockHash = AddressB }],
            MissedProofOutputs = [new SiacoinOutput { Value = postTax, UnlockHash = AddressA }, new SiacoinOutput { UnlockHash = AddressB }],
            UnlockHash = TwoOfTwo.UnlockHash(),
        };
        return new Transaction
        {
            SiacoinInputs = [new SiacoinInput { ParentId = id, UnlockConditions = UnlockConditions.Standard(PublicA) }],
            SiacoinOutputs = [new SiacoinOutput { Value = value - payout - Fee, UnlockHash = AddressA }],
            FileContracts = [contract],
            MinerFees = [Fee],
            TransactionSignatures = [new TransactionSignature { ParentId = id, CoveredFields = CoveredFields.Whole }],
        };
    }

    private async Task<(Hash256 Id, FileContract Contract)> OpenContractAsync()
    {
        var (id, value) = FundA();
        var payout = Currency.Siacoins(100);
        var transaction = SignA(ContractTransaction(id, value, payout, payout - _tester.Rules.Tax(_tester.Devnet.Chain.Height, payout)));
        var response = await _tester.SubmitAsync(transaction);
        Assert.That(response.Status, Is.EqualTo(204), response.ToString());
        _tester.Devnet.Mine();
        return (transaction.FileContractId(0), transaction.FileContracts[0]);
    }

    private Transaction Revision(Hash256 contractId, FileContract contract, ulong number, Currency moved, bool signB = true, Currency? extra = null)
    {
        var total = contract.ValidProofOutputs[0].Value;
        IReadOnlyList<SiacoinOutput> outputs =
        [
            new SiacoinOutput { Value = total - moved, UnlockHash = AddressA },
            new SiacoinOutput { Value = moved + (extra ?? Currency.Zero), UnlockHash = AddressB },
        ];
        var transaction = new Transaction
        {
            FileContractRevisions =
            [
                new FileContractRevision
                {
                    ParentId = contractId, UnlockConditions = TwoOfTwo, NewRevisionNumber = number,
                    NewWindowStart = contract.WindowStart, NewWindowEnd = contract.WindowEnd,
                    NewValidProofOutputs = outputs, NewMissedProofOutputs = outputs, NewUnlockHash = contract.UnlockHash,
                },
            ],
            TransactionSignatures =
            [
                new TransactionSignature { ParentId = contractId, PublicKeyIndex = 0, CoveredFields = CoveredFields.FirstRevision },
                .. signB ? [new TransactionSignature { ParentId = contractId, PublicKeyIndex = 1, CoveredFields = CoveredFields.FirstRevision }] : Array.Empty<TransactionSignature>(),
            ],
        };
        using var keyA = KeyA();
        using var keyB = KeyB();
        return _tester.Sign(_tester.Sign(transaction, keyA), keyB);
    }

    private static byte[] NonSiaPrefix()
    {
        var prefix = new byte[16];
        Specifier.NonSia.CopyTo(prefix);
        return prefix;
    }
}
