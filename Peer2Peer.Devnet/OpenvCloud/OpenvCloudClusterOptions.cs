using Peer2Peer.Devnet.OpenvCloud.Model;

namespace Peer2Peer.Devnet.OpenvCloud;

/// <summary>How many OpenvCloud controllers the devnet runs and how they behave. Every default is stated.</summary>
public sealed class OpenvCloudClusterOptions
{
    /// <summary>Number of controllers (the devnet's <c>--controllers</c>); default 2.</summary>
    public int Controllers { get; set; } = 2;

    /// <summary>Per-controller overrides by index; missing entries use <see cref="CatalogueDefaults.ForController"/>.</summary>
    public IList<OpenvCloudControllerOptions> ControllerOverrides { get; } = [];

    /// <summary>Interface every controller and the identity endpoint bind to; default loopback.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the shared identity endpoint (itsyou.online stand-in); 0 = any free port.</summary>
    public int IdentityPort { get; set; }

    /// <summary>ES384 signing key of the identity endpoint as PEM (PKCS#8 or SEC1); null = a fresh P-384 key.</summary>
    public string? IdentitySigningKeyPem { get; set; }

    /// <summary>Devnet seconds per wall second (ignored when a <see cref="DevnetClock"/> is passed in); default 360: an hour every 10 s.</summary>
    public double ClockSpeed { get; set; } = 360;

    /// <summary>Lifetime of JWTs from the identity endpoint when the client asks for none (wall time); default 1 h.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Idle lifetime of a legacy <c>authkey</c> session (wall time, sliding); default 1 h.</summary>
    public TimeSpan AuthkeyLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an <c>_async</c> task answers 202 before its result is ready (wall time); default 0.</summary>
    public TimeSpan AsyncTaskDuration { get; set; } = TimeSpan.Zero;

    /// <summary>How long a finished task stays readable through <c>system/task/get</c> (wall time); default 10 min.</summary>
    public TimeSpan TaskRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Devnet time from <c>cloudspaces/create</c> to DEPLOYED (VIRTUAL for the first half, DEPLOYING for the second); default 20 s.</summary>
    public TimeSpan CloudSpaceDeployTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Devnet time after the top of hour H before snapshot H is served, like the real H:30 merge; default 30 min.</summary>
    public TimeSpan ConsumptionPublishDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Seed for generated secrets, passwords and addresses; null = cryptographically random.</summary>
    public int? Seed { get; set; }

    internal OpenvCloudControllerOptions ForController(int index) =>
        index < ControllerOverrides.Count ? ControllerOverrides[index] : CatalogueDefaults.ForController(index);
}

/// <summary>One controller: its name, port, consumer credentials and catalogue.</summary>
public sealed class OpenvCloudControllerOptions
{
    public required string Name { get; set; }

    /// <summary>0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>The consumer's itsyou.online-style username; the controller sees it as <c>&lt;username&gt;@itsyouonline</c>.</summary>
    public required string ConsumerUsername { get; set; }

    /// <summary>Password of the local user of the same name (legacy <c>users/authenticate</c>); null = generated.</summary>
    public string? ConsumerPassword { get; set; }

    /// <summary>Identity-endpoint API key of the consumer; null = generated.</summary>
    public string? ClientId { get; set; }

    /// <summary>null = generated.</summary>
    public string? ClientSecret { get; set; }

    public string AccountName { get; set; } = "devnet";

    public string CloudSpaceName { get; set; } = "default";

    public required CatalogueSpec Catalogue { get; set; }
}
