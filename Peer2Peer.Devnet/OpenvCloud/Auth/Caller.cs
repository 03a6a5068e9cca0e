namespace Peer2Peer.Devnet.OpenvCloud.Auth;

/// <summary>Who is calling: <c>jdoe@itsyouonline</c> for a bearer JWT, the local name for an authkey session, or guest.</summary>
internal sealed record Caller(string Name)
{
    public static Caller Guest { get; } = new("guest");

    public bool IsGuest => ReferenceEquals(this, Guest) || Name == "guest";
}
