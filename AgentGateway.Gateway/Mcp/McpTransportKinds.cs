namespace AgentGateway.Mcp;

/// <summary>Values of <c>mcp.&lt;backend&gt;.targets[].transport</c>.</summary>
internal static class McpTransportKinds
{
    public const string Auto = "auto";
    public const string StreamableHttp = "streamable-http";
    public const string Sse = "sse";

    public static bool IsKnown(string? value) =>
        value is not null && (string.Equals(value, Auto, StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, StreamableHttp, StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, Sse, StringComparison.OrdinalIgnoreCase));
}
