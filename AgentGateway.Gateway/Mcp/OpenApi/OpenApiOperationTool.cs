using System.Text.Json;

namespace AgentGateway.Mcp.OpenApi;

/// <summary>One REST operation exposed as an MCP tool: how to build its HTTP request from the tool arguments.</summary>
internal sealed record OpenApiOperationTool
{
    /// <summary>The argument that carries the request body.</summary>
    public const string BodyArgument = "body";

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Path template such as <c>/pets/{petId}</c>.</summary>
    public required string Path { get; init; }

    public IReadOnlyList<OpenApiToolParameter> Parameters { get; init; } = [];

    public bool HasBody { get; init; }

    /// <summary>JSON Schema of the tool's arguments (parameters by name, the body as <c>body</c>).</summary>
    public required JsonElement InputSchema { get; init; }
}
