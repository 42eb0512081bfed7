namespace AgentGateway.Samples.WeatherMcp.Data;

internal sealed record CityDataset
{
    public IReadOnlyList<City> Cities { get; init; } = [];
}
