using System.ComponentModel;

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

/// <summary>One day of a forecast; day 1 is today.</summary>
internal sealed record DailyForecast
{
    public int Day { get; init; }
    public required string Condition { get; init; }
    [Description("Daytime high in degrees Celsius")]
    public int HighC { get; init; }
    [Description("Night-time low in degrees Celsius")]
    public int LowC { get; init; }
    [Description("Chance of precipitation in percent")]
    public int PrecipitationChance { get; init; }
    public int WindKph { get; init; }
}

/// <summary>An active weather alert.</summary>
internal sealed record WeatherAlert
{
    public required string Kind { get; init; }
    [Description("minor, moderate or severe")]
    public required string Severity { get; init; }
    public required string Description { get; init; }
}

/// <summary>The structured result of get_forecast.</summary>
internal sealed record ForecastReport
{
    public required string City { get; init; }
    public required string Country { get; init; }
    public required IReadOnlyList<DailyForecast> Days { get; init; }
}

/// <summary>The structured result of get_alerts.</summary>
internal sealed record AlertReport
{
    public required string City { get; init; }
    public required IReadOnlyList<WeatherAlert> Alerts { get; init; }
}

internal sealed record CityDataset
{
    public IReadOnlyList<City> Cities { get; init; } = [];
}
