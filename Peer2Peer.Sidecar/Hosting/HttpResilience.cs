using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Peer2Peer.Sidecar.Hosting;

/// <summary>The limits of one resilience pipeline; each client (siad, OpenvCloud) fills them from its options.</summary>
public sealed record HttpResilienceLimits(
    TimeSpan TotalTimeout,
    TimeSpan AttemptTimeout,
    int MaxRetries,
    TimeSpan RetryBaseDelay,
    double BreakFailureRatio,
    int BreakMinimumThroughput,
    TimeSpan BreakDuration);

/// <summary>
/// The one shape of every outgoing HTTP pipeline: total timeout ⟶ retry (only what <c>shouldRetry</c> allows, jittered
/// exponential backoff) ⟶ circuit breaker (on <c>isFailure</c>) ⟶ attempt timeout.
/// </summary>
public static class HttpResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        HttpResilienceLimits limits,
        TimeProvider time,
        Func<ResilienceContext, Outcome<HttpResponseMessage>, bool> shouldRetry,
        Func<Outcome<HttpResponseMessage>, bool> isFailure)
    {
        builder.TimeProvider = time;
        builder
            .AddTimeout(limits.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(limits.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = limits.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                ShouldHandle = args => ValueTask.FromResult(limits.MaxRetries > 0 && shouldRetry(args.Context, args.Outcome)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = limits.BreakFailureRatio,
                MinimumThroughput = limits.BreakMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = limits.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(isFailure(args.Outcome)),
            })
            .AddTimeout(limits.AttemptTimeout);
    }
}
