using Newtonsoft.Json.Serialization;

namespace Peer2Peer.Sia.Json;

/// <summary>siad's JSON names are the Go field names in lower case: SiacoinInputs → siacoininputs.</summary>
public sealed class LowercaseNamingStrategy : NamingStrategy
{
    public LowercaseNamingStrategy()
    {
        OverrideSpecifiedNames = false;
    }

    protected override string ResolvePropertyName(string name) => name.ToLowerInvariant();
}
