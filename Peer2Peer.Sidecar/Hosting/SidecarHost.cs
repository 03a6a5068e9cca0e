using Microsoft.Extensions.Options;

namespace Peer2Peer.Sidecar.Hosting;

public static class SidecarHost
{
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Runs the host; bad configuration or an unusable data directory ends it with one line on stderr and exit code 2.</summary>
    public static async Task<int> RunSidecarAsync(this WebApplication app, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (ConfigurationProblem(e) is { } problem)
        {
            await errors.WriteLineAsync($"Peer2Peer.Sidecar cannot start: {problem}");
            return ConfigurationErrorExitCode;
        }
    }

    public static string? ConfigurationProblem(Exception e) => e switch
    {
        OptionsValidationException validation => string.Join("; ", validation.Failures),
        StartupException startup => startup.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => ConfigurationProblem(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
