using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.A2A;

/// <summary>Span and metric names for A2A calls. Attributes carry ids and states only, never message content.</summary>
internal static class A2ATelemetry
{
    public const string Method = "a2a.method";
    public const string TaskId = "a2a.task.id";
    public const string ContextId = "a2a.context.id";
    public const string TaskState = "a2a.task.state";
    public const string Agent = "a2a.agent";
    public const string Binding = "a2a.binding";
    public const string Outcome = "a2a.outcome";

    /// <summary>Counts proxied A2A calls by agent, method, final task state and outcome.</summary>
    public static readonly Counter<long> Requests = GatewayTelemetry.Meter.CreateCounter<long>(
        "agentgateway.a2a.requests", unit: "{request}", description: "A2A calls proxied by the gateway");

    public static Activity? Start(A2ACallInfo info, Uri upstream)
    {
        var activity = GatewayTelemetry.ActivitySource.StartActivity($"a2a {info.Method}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Method, info.Method);
            activity.SetTag(Agent, info.Agent);
            activity.SetTag(Binding, info.Binding);
            activity.SetTag("server.address", upstream.Host);
            activity.SetTag("server.port", upstream.Port);
        }

        return activity;
    }

    /// <summary>Records the outcome: "ok", "error" (a JSON-RPC/HTTP error from the agent), "denied", "unavailable"
    /// or "client_aborted".</summary>
    public static void Stop(Activity? activity, A2ACallInfo info, string outcome)
    {
        if (activity is not null)
        {
            activity.SetTag(TaskId, info.TaskId);
            activity.SetTag(ContextId, info.ContextId);
            activity.SetTag(TaskState, info.TaskState);
            activity.SetTag(Outcome, outcome);
            if (outcome is not ("ok" or "client_aborted"))
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            activity.Dispose();
        }

        Requests.Add(1,
            new KeyValuePair<string, object?>(Agent, info.Agent),
            new KeyValuePair<string, object?>(Method, info.Method),
            new KeyValuePair<string, object?>(TaskState, info.TaskState ?? "none"),
            new KeyValuePair<string, object?>(Outcome, outcome));
    }
}
