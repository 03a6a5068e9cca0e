namespace Peer2Peer.Devnet.OpenvCloud.Model;

internal sealed class Account
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<Ace> Acl { get; } = [];

    public string Status { get; init; } = Statuses.Confirmed;
}
