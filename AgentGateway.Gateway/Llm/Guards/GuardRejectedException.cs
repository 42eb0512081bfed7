namespace AgentGateway.Llm.Guards;

/// <summary>Thrown when a reject-guard matched; the message names the guard, never the matched text.</summary>
internal sealed class GuardRejectedException(string guardName, bool onRequest)
    : Exception($"{(onRequest ? "Request" : "Response")} blocked by guard '{guardName}'.")
{
    public string GuardName { get; } = guardName;

    public bool OnRequest { get; } = onRequest;
}
