namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>A city of the bundled dataset.</summary>
internal sealed record City
{
    public required string Name { get; init; }
    public required string Country { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public required string Climate { get; init; }
    public IReadOnlyList<DailyForecast> Forecast { get; init; } = [];
    public IReadOnlyList<WeatherAlert> Alerts { get; init; } = [];
}
