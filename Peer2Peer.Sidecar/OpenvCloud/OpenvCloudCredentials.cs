namespace Peer2Peer.Sidecar.OpenvCloud;

public enum OpenvCloudAuthMode
{
    /// <summary>No credentials: only the no-auth calls work (locations, health, whoami).</summary>
    None,

    /// <summary><c>Authorization: bearer &lt;JWT&gt;</c> from the identity endpoint's client-credentials grant (§2.1).</summary>
    Jwt,

    /// <summary>Legacy session key from <c>users/authenticate</c> (§2.2), sent as the <c>beaker.session.id</c> cookie.</summary>
    Authkey,
}

/// <summary>
/// How to authenticate at one controller. Secrets are readable only inside the sidecar's OpenvCloud code and never
/// appear in <see cref="ToString"/>.
/// </summary>
public sealed class OpenvCloudCredentials
{
    private OpenvCloudCredentials(OpenvCloudAuthMode mode, Uri? identityUrl, string? clientId, string? clientSecret, string? username, string? password)
    {
        Mode = mode;
        IdentityUrl = identityUrl;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Username = username;
        Password = password;
    }

    public static OpenvCloudCredentials None { get; } = new(OpenvCloudAuthMode.None, null, null, null, null, null);

    public OpenvCloudAuthMode Mode { get; }

    public Uri? IdentityUrl { get; }

    public string? ClientId { get; }

    public string? Username { get; }

    internal string? ClientSecret { get; }

    internal string? Password { get; }

    public static OpenvCloudCredentials Jwt(Uri identityUrl, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(identityUrl);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        return new(OpenvCloudAuthMode.Jwt, identityUrl, clientId, clientSecret, null, null);
    }

    public static OpenvCloudCredentials Authkey(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new(OpenvCloudAuthMode.Authkey, null, null, null, username, password);
    }

    /// <summary>From validated options: secrets from the value, else from the file (trimmed).</summary>
    public static OpenvCloudCredentials FromOptions(OpenvCloudOptions options) => options.ParsedAuthMode switch
    {
        OpenvCloudAuthMode.Jwt => Jwt(new Uri(options.IdentityUrl), options.ClientId ?? "", Read(options.ClientSecret, options.ClientSecretFile)),
        OpenvCloudAuthMode.Authkey => Authkey(options.Username ?? "", Read(options.Password, options.PasswordFile)),
        _ => None,
    };

    internal static OpenvCloudAuthMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "jwt" => OpenvCloudAuthMode.Jwt,
        "authkey" => OpenvCloudAuthMode.Authkey,
        "none" => OpenvCloudAuthMode.None,
        _ => null,
    };

    /// <summary>A redactor seeded with these credentials' secrets.</summary>
    internal SecretRedactor CreateRedactor()
    {
        var redactor = new SecretRedactor();
        redactor.Add(ClientSecret);
        redactor.Add(Password);
        return redactor;
    }

    public override string ToString() => Mode switch
    {
        OpenvCloudAuthMode.Jwt => $"OpenvCloudCredentials {{ Mode = jwt, IdentityUrl = {IdentityUrl}, ClientId = {ClientId}, ClientSecret = [redacted] }}",
        OpenvCloudAuthMode.Authkey => $"OpenvCloudCredentials {{ Mode = authkey, Username = {Username}, Password = [redacted] }}",
        _ => "OpenvCloudCredentials { Mode = none }",
    };

    private static string Read(string? value, string? file) =>
        !string.IsNullOrEmpty(value) ? value : file is { Length: > 0 } ? File.ReadAllText(file).Trim() : "";
}
