using AgentGateway.A2A.Protocol;

namespace AgentGateway.A2A;

/// <summary>
/// What the gateway learned about one A2A call: the method (JSON-RPC name, or the v1.0 name of a REST
/// operation) from the request, then task id, context id and the latest task state from the request and every
/// response event. Feeds span attributes and the request counter; never holds message content.
/// </summary>
internal sealed class A2ACallInfo(string agent, string method, string binding)
{
    public string Agent { get; } = agent;
    public string Method { get; } = method;
    public string Binding { get; } = binding;
    public string? TaskId { get; set; }
    public string? ContextId { get; set; }

    /// <summary>The agent answered with a JSON-RPC error (or an error body on REST).</summary>
    public bool AgentError { get; set; }

    /// <summary>The latest state seen, in the v0.3 vocabulary ("working", "completed") for both versions.</summary>
    public string? TaskState { get; private set; }

    public void SetState(string? state)
    {
        if (!string.IsNullOrEmpty(state))
        {
            TaskState = TaskStateNames.ToV03(state);
        }
    }
}
