namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>The structured result of get_forecast.</summary>
internal sealed record ForecastReport
{
    public required string City { get; init; }
    public required string Country { get; init; }
    public required IReadOnlyList<DailyForecast> Days { get; init; }
}
