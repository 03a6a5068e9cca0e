namespace Peer2Peer.Sidecar.OpenvCloud.Auth;

/// <summary>Puts one set of credentials on requests, and renews them when a controller refuses them.</summary>
internal interface IOpenvCloudAuthenticator
{
    /// <summary>
    /// Adds the current credential to <paramref name="request"/> and returns it. With <paramref name="rejected"/> set,
    /// that credential was just refused: a new one is obtained unless another call already replaced it.
    /// </summary>
    ValueTask<string?> ApplyAsync(HttpRequestMessage request, string? rejected, CancellationToken cancellationToken);

    /// <summary>Whether this answer means "your credential is no longer accepted" (401 for a JWT, 419 for an authkey).</summary>
    bool IsRejection(HttpResponseMessage response);
}

/// <summary><see cref="OpenvCloudAuthMode.None"/>: nothing to add.</summary>
internal sealed class NoAuthenticator : IOpenvCloudAuthenticator
{
    public static readonly NoAuthenticator Instance = new();

    public ValueTask<string?> ApplyAsync(HttpRequestMessage request, string? rejected, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public bool IsRejection(HttpResponseMessage response) => false;
}
