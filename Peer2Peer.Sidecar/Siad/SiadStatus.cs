using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>The <c>siad</c> section of /api/status and the readiness check "siad reachable".</summary>
public sealed class SiadStatus(SiadConnection connection, IOptions<SiadOptions> options) : IStatusContributor, IHealthCheck
{
    public string Section => "siad";

    public object GetStatus() => new
    {
        apiUrl = options.Value.ApiUrl,
        version = connection.Info?.Version.Text,
        generation = connection.Info?.Version.Generation.ToString(),
        chainRules = connection.Info?.Rules.Name,
        problem = connection.Problem,
    };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connection.Info is not null
            ? HealthCheckResult.Healthy($"siad {connection.Info.Version.Text}, rules {connection.Info.Rules.Name}")
            : HealthCheckResult.Unhealthy(connection.Problem ?? "not connected"));
}
