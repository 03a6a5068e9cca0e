namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// The secrets of one set of credentials (client secret, password, the current token or authkey). Every text that came
/// from the network passes through <see cref="Redact"/> before it reaches an exception message or a log, so a server
/// that echoes a credential cannot leak it.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[redacted]";

    private readonly Lock _lock = new();
    private string[] _secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; none of our secrets is that short.
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (_lock)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                _secrets = [.. _secrets, secret];
            }
        }
    }

    public string Redact(string text)
    {
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public override string ToString() => $"SecretRedactor ({_secrets.Length} secrets)";
}
