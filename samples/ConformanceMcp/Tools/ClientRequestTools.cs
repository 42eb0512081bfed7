using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace AgentGateway.Samples.ConformanceMcp.Tools;

/// <summary>Tools that call back into the client: sampling and the elicitation variants.</summary>
[McpServerToolType]
internal static class ClientRequestTools
{
    [McpServerTool(Name = "test_sampling", OpenWorld = false)]
    [Description("Asks the client's model to answer the prompt (sampling/createMessage) and returns its answer.")]
    public static async Task<string> Sampling(
        McpServer server,
        [Description("The prompt to send to the LLM")] string prompt,
        CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Sampling is null)
        {
            throw new McpException("The client does not support sampling.");
        }

        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken);

        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return $"LLM response: {text}";
    }

    [McpServerTool(Name = "test_elicitation", OpenWorld = false)]
    [Description("Asks the user for a username and email (elicitation/create) and returns the answer.")]
    public static Task<string> Elicitation(
        McpServer server,
        [Description("The message to show the user")] string message,
        CancellationToken cancellationToken) =>
        ElicitAsync(server, message, new RequestSchema
        {
            Properties = new Dictionary<string, PrimitiveSchemaDefinition>
            {
                ["username"] = new StringSchema { Description = "User's response" },
                ["email"] = new StringSchema { Description = "User's email address", Format = "email" },
            },
            Required = ["username", "email"],
        }, "User response", cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1034_defaults", OpenWorld = false)]
    [Description("Elicits one field of each primitive type, each with a default value (SEP-1034).")]
    public static Task<string> ElicitationDefaults(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Please review the profile; defaults are filled in.", new RequestSchema
        {
            Properties = new Dictionary<string, PrimitiveSchemaDefinition>
            {
                ["name"] = new StringSchema { Description = "User name", Default = "John Doe" },
                ["age"] = new NumberSchema { Type = "integer", Description = "User age", Default = 30 },
                ["score"] = new NumberSchema { Description = "User score", Default = 95.5 },
                ["status"] = new UntitledSingleSelectEnumSchema
                {
                    Description = "User status",
                    Enum = ["active", "inactive", "pending"],
                    Default = "active",
                },
                ["verified"] = new BooleanSchema { Description = "Verification status", Default = true },
            },
        }, "Elicitation completed", cancellationToken);

    [McpServerTool(Name = "test_elicitation_sep1330_enums", OpenWorld = false)]
    [Description("Elicits the five enum shapes: untitled/titled single select, legacy enumNames, untitled/titled multi select (SEP-1330).")]
    public static Task<string> ElicitationEnums(McpServer server, CancellationToken cancellationToken) =>
        ElicitAsync(server, "Please pick from each list.", new RequestSchema
        {
            Properties = new Dictionary<string, PrimitiveSchemaDefinition>
            {
                ["untitledSingle"] = new UntitledSingleSelectEnumSchema { Enum = ["option1", "option2", "option3"] },
                ["titledSingle"] = new TitledSingleSelectEnumSchema
                {
                    OneOf =
                    [
                        new EnumSchemaOption { Const = "value1", Title = "First Option" },
                        new EnumSchemaOption { Const = "value2", Title = "Second Option" },
                        new EnumSchemaOption { Const = "value3", Title = "Third Option" },
                    ],
                },
#pragma warning disable MCP9001 // The deprecated enumNames form is exactly what the SEP-1330 scenario checks.
                ["legacyEnum"] = new LegacyTitledEnumSchema
                {
                    Enum = ["opt1", "opt2", "opt3"],
                    EnumNames = ["Option One", "Option Two", "Option Three"],
                },
#pragma warning restore MCP9001
                ["untitledMulti"] = new UntitledMultiSelectEnumSchema
                {
                    Items = new UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
                },
                ["titledMulti"] = new TitledMultiSelectEnumSchema
                {
                    Items = new TitledEnumItemsSchema
                    {
                        AnyOf =
                        [
                            new EnumSchemaOption { Const = "value1", Title = "First Choice" },
                            new EnumSchemaOption { Const = "value2", Title = "Second Choice" },
                            new EnumSchemaOption { Const = "value3", Title = "Third Choice" },
                        ],
                    },
                },
            },
        }, "Elicitation completed", cancellationToken);

    private static async Task<string> ElicitAsync(
        McpServer server, string message, RequestSchema schema, string label, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException("The client does not support elicitation.");
        }

        var result = await server.ElicitAsync(new ElicitRequestParams { Message = message, RequestedSchema = schema }, cancellationToken);
        var content = result.Content is null
            ? "{}"
            : JsonSerializer.Serialize(result.Content, McpJsonUtilities.DefaultOptions);
        return $"{label}: action={result.Action}, content={content}";
    }
}
