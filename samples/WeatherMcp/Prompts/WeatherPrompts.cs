using System.ComponentModel;
using System.Text.Json;
using AgentGateway.Samples.WeatherMcp.Data;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.WeatherMcp.Prompts;

[McpServerPromptType]
internal static class WeatherPrompts
{
    [McpServerPrompt(Name = "forecast", Title = "Explain a forecast")]
    [Description("Asks the model to explain a city's forecast to a traveller, with the city's data embedded.")]
    public static IEnumerable<PromptMessage> Forecast(
        CityCatalog catalog,
        [Description("City name, e.g. Tokyo")] string city,
        [Description("Tone of the answer: brief or detailed (default brief)")] string? style = null)
    {
        var found = catalog.Get(city);
        var tone = string.Equals(style, "detailed", StringComparison.OrdinalIgnoreCase)
            ? "Give a day-by-day explanation."
            : "Answer in three sentences at most.";
        return
        [
            new PromptMessage
            {
                Role = Role.User,
                Content = new EmbeddedResourceBlock
                {
                    Resource = new TextResourceContents
                    {
                        Uri = $"weather://cities/{Uri.EscapeDataString(found.Name)}",
                        MimeType = "application/json",
                        Text = JsonSerializer.Serialize(found, WeatherJson.Default.City),
                    },
                },
            },
            new PromptMessage
            {
                Role = Role.User,
                Content = new TextContentBlock
                {
                    Text = $"Using the data above, tell a traveller what weather to expect in {found.Name} and what to pack. "
                        + "Mention any active alerts first. " + tone,
                },
            },
        ];
    }
}
