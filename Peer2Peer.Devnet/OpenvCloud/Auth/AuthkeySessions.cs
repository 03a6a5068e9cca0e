using System.Security.Cryptography;

namespace Peer2Peer.Devnet.OpenvCloud.Auth;

/// <summary>Legacy <c>authkey</c> sessions of one controller (beaker sessions on the real portal): sliding expiry on wall time.</summary>
internal sealed class AuthkeySessions(TimeProvider wallClock, TimeSpan lifetime)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string User, DateTimeOffset LastUse)> _sessions = new(StringComparer.Ordinal);

    public string Create(string user)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_lock)
        {
            _sessions[key] = (user, wallClock.GetUtcNow());
        }

        return key;
    }

    public bool TryUse(string key, out string user)
    {
        user = "";
        var now = wallClock.GetUtcNow();
        lock (_lock)
        {
            if (!_sessions.TryGetValue(key, out var session))
            {
                return false;
            }

            if (now - session.LastUse >= lifetime)
            {
                _sessions.Remove(key);
                return false;
            }

            _sessions[key] = (session.User, now);
            user = session.User;
            return true;
        }
    }
}
