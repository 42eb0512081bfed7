namespace AgentGateway.A2A.Protocol;

internal static class A2AHeaders
{
    /// <summary>v1.0 version negotiation header; absent means 0.3 (spec §3.6.2).</summary>
    public const string Version = "A2A-Version";
    public const string Extensions = "A2A-Extensions";

    public const string CardPath = "/.well-known/agent-card.json";
    public const string LegacyCardPath = "/.well-known/agent.json";
}
