using System.Diagnostics;
using AgentGateway.Llm.Runtime;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// One provider attempt of a request routed by a virtual model: counts it in flight until disposed and reports its
/// outcome (latency or failure) to the strategy. Null for requests to ordinary models, so callers use <c>?.</c>.
/// </summary>
internal sealed class VirtualModelAttempt : IDisposable
{
    private readonly VirtualTarget _target;
    private readonly long _start = Stopwatch.GetTimestamp();

    private VirtualModelAttempt(VirtualTarget target)
    {
        _target = target;
        target.Enter();
    }

    public static VirtualModelAttempt? Start(ModelCandidate candidate, Activity? span)
    {
        if (candidate.Target is not { } target)
        {
            return null;
        }

        VirtualModelTelemetry.Tag(span, target);
        return new VirtualModelAttempt(target);
    }

    /// <summary>
    /// The provider answered. <paramref name="firstToken"/> is the request's time to first token, counted from
    /// <paramref name="requestStart"/>; the latency sample is the part of it this attempt spent (earlier failed
    /// attempts excluded), or the attempt's whole time when no first token was marked.
    /// </summary>
    public void Succeeded(long requestStart, TimeSpan? firstToken)
    {
        var sinceAttempt = Stopwatch.GetElapsedTime(_start);
        var latency = firstToken is { } ttft ? ttft - Stopwatch.GetElapsedTime(requestStart, _start) : sinceAttempt;
        _target.Owner.Succeeded(_target, latency > TimeSpan.Zero ? latency : sinceAttempt);
    }

    /// <summary>The attempt failed; only failures that speak against the provider (retryable ones) count toward ejection.</summary>
    public void Failed(bool providerFault)
    {
        if (providerFault)
        {
            _target.Owner.Failed(_target);
        }
    }

    public void Dispose() => _target.Leave();
}
