namespace AgentGateway.Cedar.Validation;

/// <summary>Long, String or an extension type (ipaddr, decimal, datetime, duration).</summary>
internal sealed record VPrim(CedarType Kind) : VType;
