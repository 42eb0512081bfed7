using System.ComponentModel;

namespace AgentGateway.Samples.WeatherMcp.Data;

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
