using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Adapts what a target sends to the protocol revision the downstream client negotiated, where the client's revision
/// has no way to take it. Only what an older client would misread or reject is changed; everything it merely does not
/// know (titles, icons, annotations, output schemas, <c>_meta</c>, defaults) passes through as extra JSON fields, which
/// every revision tells clients to ignore. docs/mcp.md has the table of what happens per feature and revision.
/// </summary>
internal static class RevisionBridge
{
    public const string November2024 = "2024-11-05";
    public const string March2025 = "2025-03-26";
    public const string June2025 = "2025-06-18";
    public const string November2025 = "2025-11-25";

    /// <summary>Whether <paramref name="clientVersion"/> predates <paramref name="revision"/> (unknown: no; revisions are ISO dates).</summary>
    public static bool Predates(string? clientVersion, string revision) =>
        clientVersion is { Length: > 0 } && string.CompareOrdinal(clientVersion, revision) < 0;

    /// <summary>A tool result for the client's revision.</summary>
    public static CallToolResult ForClient(CallToolResult result, string? clientVersion)
    {
        if (!Predates(clientVersion, June2025))
        {
            return result;
        }

        result.Content = [.. result.Content.Select(c => ForClient(c, clientVersion))];
        // Structured content is 2025-06-18; the spec asks servers to repeat it as text for older clients. A target
        // that did not (content empty or without text) would hand an older client nothing, so the gateway does.
        if (result.StructuredContent is { } structured && !result.Content.Any(static c => c is TextContentBlock))
        {
            result.Content.Add(new TextContentBlock { Text = JsonSerializer.Serialize(structured, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonElement))) });
        }

        return result;
    }

    /// <summary>A prompt for the client's revision.</summary>
    public static GetPromptResult ForClient(GetPromptResult result, string? clientVersion)
    {
        if (Predates(clientVersion, June2025))
        {
            foreach (var message in result.Messages)
            {
                message.Content = ForClient(message.Content, clientVersion);
            }
        }

        return result;
    }

    /// <summary>
    /// Content blocks an older client's schema has no type for become text saying what they were: resource links
    /// (2025-06-18) keep their URI readable, audio (2025-03-26) is left out with a note.
    /// </summary>
    private static ContentBlock ForClient(ContentBlock content, string? clientVersion) => content switch
    {
        ResourceLinkBlock link when Predates(clientVersion, June2025) => new TextContentBlock
        {
            Text = $"Resource link: {link.Title ?? link.Name} <{link.Uri}>" + (link.Description is { Length: > 0 } d ? $" — {d}" : ""),
            Annotations = link.Annotations,
        },
        AudioContentBlock audio when Predates(clientVersion, March2025) => new TextContentBlock
        {
            Text = $"[audio content ({audio.MimeType}) left out: protocol revision {clientVersion} has no audio content]",
            Annotations = audio.Annotations,
        },
        _ => content,
    };

    /// <summary>
    /// An elicitation for the client's revision. Forms of 2025-11-25 may use titled enums (<c>oneOf</c>), which become
    /// the 2025-06-18 form (<c>enum</c> + <c>enumNames</c>); multi-select fields and URL mode have no older form, so
    /// the request fails back to the target with an error rather than showing the client a form it cannot render.
    /// </summary>
    public static ElicitRequestParams ForClient(ElicitRequestParams request, string? clientVersion)
    {
        if (!Predates(clientVersion, November2025))
        {
            return request;
        }

        if (request.Mode == "url")
        {
            throw NotRepresentable(clientVersion!, "URL-mode elicitation");
        }

        if (request.RequestedSchema is { } schema)
        {
            foreach (var (name, property) in schema.Properties.ToList())
            {
#pragma warning disable MCP9001 // The deprecated enum + enumNames form is exactly what a 2025-06-18 client understands.
                schema.Properties[name] = property switch
                {
                    TitledSingleSelectEnumSchema titled => new LegacyTitledEnumSchema
                    {
                        Title = titled.Title,
                        Description = titled.Description,
                        Enum = [.. titled.OneOf.Select(static o => o.Const)],
                        EnumNames = [.. titled.OneOf.Select(static o => o.Title)],
                        Default = titled.Default,
                    },
                    UntitledMultiSelectEnumSchema or TitledMultiSelectEnumSchema => throw NotRepresentable(clientVersion!, $"the multi-select field '{name}'"),
                    _ => property,
                };
#pragma warning restore MCP9001
            }
        }

        return request;
    }

    private static McpProtocolException NotRepresentable(string clientVersion, string what) =>
        new($"The client speaks MCP {clientVersion}, which cannot present {what}", McpErrorCode.InvalidParams);
}
