using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Funding;

/// <summary>The <c>identity</c> and <c>funding</c> sections of /api/status (public keys and balances only).</summary>
public sealed class FundingStatus(HotWallet wallet, FundingService service) : IStatusContributor
{
    public string Section => "funding";

    public object GetStatus()
    {
        var balance = wallet.Balance();
        return new
        {
            address = balance.Address.ToString(),
            confirmed = balance.Confirmed.ToString(),
            confirmedDisplay = balance.Confirmed.ToDisplayString(),
            unconfirmed = balance.Unconfirmed.ToString(),
            unconfirmedDisplay = balance.Unconfirmed.ToDisplayString(),
            reserved = balance.Reserved.ToString(),
            pendingTransactions = balance.PendingTransactions,
            lastTopUp = service.LastTopUp,
            problem = service.LastProblem,
        };
    }
}

public sealed class IdentityStatus(KeyRing keys, IOptions<SidecarOptions> options) : IStatusContributor
{
    public string Section => "identity";

    public object GetStatus() => new { role = options.Value.Role.ToString(), identityKey = keys.IdentityPublicKey.ToString() };
}
