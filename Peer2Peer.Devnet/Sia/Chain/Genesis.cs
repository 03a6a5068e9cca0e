using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

/// <summary>The dev-build genesis blocks (SIAD.md §9.2, §11.3): 1.3.x allocates only siafunds, 1.5.x also 10^9 SC to the void.</summary>
public static class Genesis
{
    private static readonly SiafundOutput[] SiafundAllocation =
    [
        new() { Value = new Currency(2000), UnlockHash = UnlockHash.Parse("d6a6c5a41dc935ec6aef0a9e7f83148a3fdde61062f7204dd244740cf1591bdfc10dca990dd5") },
        new() { Value = new Currency(7000), UnlockHash = UnlockHash.Parse("d1f6e43cf84ef26e0908e3f8e1d8a3348e5d2fb067298950d408843af1bd021154874ee3dca0") },
        new() { Value = new Currency(1000), UnlockHash = new UnlockConditions().UnlockHash() },
    ];

    public static Block For(SiadProfile profile) => new()
    {
        Timestamp = DevConstants.GenesisTimestamp,
        Transactions =
        [
            new Transaction
            {
                SiacoinOutputs = profile.Is133 ? [] : [new SiacoinOutput { Value = Currency.Siacoins(1_000_000_000), UnlockHash = UnlockHash.Void }],
                SiafundOutputs = SiafundAllocation,
            },
        ],
    };
}
