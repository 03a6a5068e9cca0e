namespace Peer2Peer.Devnet.OpenvCloud;

/// <summary>
/// What the devnet prints for one controller (its summary JSON file): where it is and the consumer's credentials.
/// Devnet-only secrets: the summary file is meant to hold them, logs never do.
/// </summary>
/// <param name="Name">e.g. <c>ovc-1</c>.</param>
/// <param name="BaseUrl">Prefix of <c>/restmachine/...</c>, e.g. <c>http://127.0.0.1:41234</c>.</param>
/// <param name="ControlUrl">The devnet's fault/clock endpoints of this controller (<c>{BaseUrl}/devnet</c>).</param>
/// <param name="IdentityUrl">The shared itsyou.online stand-in: POST <c>{IdentityUrl}/v1/oauth/access_token</c>.</param>
/// <param name="ClientId">The consumer's API key id at the identity endpoint.</param>
/// <param name="ClientSecret">The consumer's API key secret.</param>
/// <param name="ConsumerUsername">itsyou.online username, also the local user for <c>users/authenticate</c>.</param>
/// <param name="ConsumerPassword">Password of the local user.</param>
/// <param name="ConsumerIdentity">What ACLs name for a JWT caller: <c>{ConsumerUsername}@itsyouonline</c>.</param>
/// <param name="AccountId">The consumer's account.</param>
/// <param name="CloudSpaceId">Its DEPLOYED cloudspace.</param>
/// <param name="Locations">Location codes of this controller's catalogue.</param>
public sealed record OpenvCloudControllerInfo(
    string Name,
    string BaseUrl,
    string ControlUrl,
    string IdentityUrl,
    string ClientId,
    string ClientSecret,
    string ConsumerUsername,
    string ConsumerPassword,
    string ConsumerIdentity,
    int AccountId,
    int CloudSpaceId,
    IReadOnlyList<string> Locations);
