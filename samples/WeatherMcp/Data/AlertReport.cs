namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>The structured result of get_alerts.</summary>
internal sealed record AlertReport
{
    public required string City { get; init; }
    public required IReadOnlyList<WeatherAlert> Alerts { get; init; }
}
