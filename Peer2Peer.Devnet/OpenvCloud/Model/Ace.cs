namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>An access-control entry: a user (<c>jdoe@itsyouonline</c> or a local name) and its rights letters (R, C, X, D, U, A).</summary>
internal sealed record Ace(string UserGroupId, string Right)
{
    public const string Admin = "ARCXDU";

    public bool Grants(char right) => Right.Contains(right, StringComparison.Ordinal);
}
