namespace AgentGateway.Llm;

/// <summary>One guard: exactly one of <see cref="Builtin"/> or <see cref="Regex"/>, and an action.</summary>
public sealed record LlmGuardRuleConfig
{
    /// <summary>email | phone | credit-card | ssn | secret.</summary>
    public string? Builtin { get; init; }

    /// <summary>A .NET regular expression.</summary>
    public string? Regex { get; init; }

    /// <summary>mask (default) or reject.</summary>
    public string Action { get; init; } = "mask";

    /// <summary>Name used in rejections and the mask placeholder (defaults to the builtin name or "custom").</summary>
    public string? Name { get; init; }
}
