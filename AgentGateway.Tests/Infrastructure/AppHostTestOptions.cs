namespace AgentGateway.Tests.Infrastructure;

/// <summary>Knobs of the testing builder; defaults match Aspire's testing: random ports, no dashboard, quiet.</summary>
public sealed record AppHostTestOptions
{
    public bool EnableDashboard { get; init; }

    /// <summary>Echo child output somewhere (e.g. <see cref="Console.Out"/> while debugging); null keeps it in the log store only.</summary>
    public TextWriter? Output { get; init; }

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
