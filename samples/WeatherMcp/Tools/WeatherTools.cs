using System.ComponentModel;
using AgentGateway.Samples.WeatherMcp.Data;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.WeatherMcp.Tools;

/// <summary>Read-only weather lookups over the bundled dataset.</summary>
[McpServerToolType]
internal static class WeatherTools
{
    private const int MaxDays = 5;

    [McpServerTool(Name = "get_forecast", Title = "Daily forecast", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Daily forecast for a city: condition, high/low in °C, chance of precipitation and wind, for 1-5 days.")]
    public static ForecastReport GetForecast(
        CityCatalog catalog,
        [Description("City name, e.g. Lisbon")] string city,
        [Description("Number of days, 1 to 5 (default 3)")] int days = 3)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new McpException($"days must be between 1 and {MaxDays}; got {days}.");
        }

        var found = catalog.Get(city);
        return new ForecastReport { City = found.Name, Country = found.Country, Days = found.Forecast.Take(days).ToList() };
    }

    [McpServerTool(Name = "get_alerts", Title = "Weather alerts", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Active weather alerts for a city (an empty list when there are none).")]
    public static AlertReport GetAlerts(CityCatalog catalog, [Description("City name, e.g. Seattle")] string city)
    {
        var found = catalog.Get(city);
        return new AlertReport { City = found.Name, Alerts = found.Alerts };
    }

    [McpServerTool(Name = "list_cities", Title = "Known cities", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Names of the cities this server has weather for.")]
    public static string ListCities(CityCatalog catalog) => string.Join(", ", catalog.Names);
}
