using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Funding;

public class FundingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The hot address holds less than a transaction needs (reserved outputs excluded).</summary>
public sealed class InsufficientFundsException(Currency needed, Currency available)
    : FundingException($"the hot address has {available.ToDisplayString()} spendable, {needed.ToDisplayString()} needed")
{
    public Currency Needed { get; } = needed;

    public Currency Available { get; } = available;
}

/// <summary>siad refused the transaction; its reservations were released.</summary>
public sealed class TransactionRejectedException(Hash256 transactionId, string reason, Exception inner)
    : FundingException($"siad rejected transaction {transactionId}: {reason}", inner)
{
    public string Reason { get; } = reason;
}
