using System.ComponentModel;

namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>An active weather alert.</summary>
internal sealed record WeatherAlert
{
    public required string Kind { get; init; }
    [Description("minor, moderate or severe")]
    public required string Severity { get; init; }
    public required string Description { get; init; }
}
