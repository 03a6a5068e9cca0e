namespace Peer2Peer.Sidecar.Hosting;

/// <summary>A condition that must stop the start with one clear line (bad configuration, unreadable seed).</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
