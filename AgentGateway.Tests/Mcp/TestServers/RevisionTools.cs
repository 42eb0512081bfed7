using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// Tools that return or ask for what newer protocol revisions added (resource links, structured content, audio,
/// titled and multi-select elicitation forms), whatever revision their server negotiated: the gateway has to bridge.
/// </summary>
[McpServerToolType]
public sealed class RevisionTools
{
    [McpServerTool(Name = "echo"), Description("Echoes the text")]
    public static string Echo(string text) => text;

    [McpServerTool(Name = "link"), Description("Returns a resource link to note://readme")]
    public static CallToolResult Link() => new()
    {
        Content = [new ResourceLinkBlock { Uri = "note://readme", Name = "readme", Title = "The readme", MimeType = "text/plain" }],
    };

    [McpServerTool(Name = "measure"), Description("Returns structured content only, without a text block")]
    public static CallToolResult Measure() => new()
    {
        Content = [],
        StructuredContent = JsonSerializer.SerializeToElement(new { celsius = 21.5 }),
    };

    [McpServerTool(Name = "sound"), Description("Returns an audio clip")]
    public static CallToolResult Sound() => new()
    {
        Content = [AudioContentBlock.FromBytes(new byte[] { 1, 2, 3 }, "audio/wav")],
    };

    [McpServerTool(Name = "confirm"), Description("Asks the user (elicitation) for their name")]
    public static async Task<string> Confirm(McpServer server, CancellationToken cancellationToken)
    {
        var (answer, failure) = await ElicitAsync(server, new ElicitRequestParams
        {
            Message = "Who are you?",
            RequestedSchema = new RequestSchema { Properties = { ["name"] = new StringSchema { Title = "Name" } } },
        }, cancellationToken);
        return answer?.Content?.TryGetValue("name", out var name) == true ? $"hello {name.GetString()}" : failure ?? answer!.Action;
    }

    [McpServerTool(Name = "choose"), Description("Asks the user to choose a colour from a titled list")]
    public static async Task<string> Choose(McpServer server, CancellationToken cancellationToken)
    {
        var (answer, failure) = await ElicitAsync(server, new ElicitRequestParams
        {
            Message = "Pick a colour",
            RequestedSchema = new RequestSchema
            {
                Properties =
                {
                    ["colour"] = new TitledSingleSelectEnumSchema
                    {
                        OneOf = [new EnumSchemaOption { Const = "r", Title = "Red" }, new EnumSchemaOption { Const = "g", Title = "Green" }],
                    },
                },
            },
        }, cancellationToken);
        return answer?.Content?.TryGetValue("colour", out var colour) == true ? $"chose {colour.GetString()}" : failure ?? answer!.Action;
    }

    [McpServerTool(Name = "pick_many"), Description("Asks the user to pick several toppings")]
    public static async Task<string> PickMany(McpServer server, CancellationToken cancellationToken)
    {
        var (answer, failure) = await ElicitAsync(server, new ElicitRequestParams
        {
            Message = "Toppings?",
            RequestedSchema = new RequestSchema
            {
                Properties = { ["toppings"] = new UntitledMultiSelectEnumSchema { Items = new UntitledEnumItemsSchema { Enum = ["ham", "olives"] } } },
            },
        }, cancellationToken);
        return failure ?? answer!.Action;
    }

    /// <summary>Elicits; when the request fails (the client cannot be asked) the tool returns why instead of failing.</summary>
    private static async Task<(ElicitResult? Answer, string? Failure)> ElicitAsync(McpServer server, ElicitRequestParams request, CancellationToken cancellationToken)
    {
        try
        {
            return (await server.ElicitAsync(request, cancellationToken), null);
        }
        catch (Exception ex) when (ex is ModelContextProtocol.McpException or InvalidOperationException)
        {
            return (null, "elicitation failed: " + ex.Message);
        }
    }
}
