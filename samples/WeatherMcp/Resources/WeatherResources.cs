using System.ComponentModel;
using System.Text.Json;
using AgentGateway.Samples.WeatherMcp.Data;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.WeatherMcp.Resources;

[McpServerResourceType]
internal static class WeatherResources
{
    [McpServerResource(UriTemplate = "weather://cities", Name = "cities", Title = "Known cities", MimeType = "application/json")]
    [Description("The names of all cities in the dataset.")]
    public static TextResourceContents Cities(CityCatalog catalog) => new()
    {
        Uri = "weather://cities",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(catalog.Names.ToList(), WeatherJson.Default.IReadOnlyListString),
    };

    [McpServerResource(UriTemplate = "weather://cities/{name}", Name = "city", Title = "City weather", MimeType = "application/json")]
    [Description("Everything known about one city: location, climate, 5-day forecast and alerts.")]
    public static TextResourceContents City(CityCatalog catalog, [Description("City name")] string name)
    {
        // Template values arrive percent-encoded ("New%20York").
        var decoded = Uri.UnescapeDataString(name);
        if (!catalog.TryFind(decoded, out var city))
        {
            throw new McpProtocolException($"No city named '{decoded}'.", McpErrorCode.ResourceNotFound);
        }

        return new TextResourceContents
        {
            Uri = $"weather://cities/{Uri.EscapeDataString(city.Name)}",
            MimeType = "application/json",
            Text = JsonSerializer.Serialize(city, WeatherJson.Default.City),
        };
    }
}
