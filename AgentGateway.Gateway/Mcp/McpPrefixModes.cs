namespace AgentGateway.Mcp;

/// <summary>Values of <c>mcp.&lt;backend&gt;.prefix</c>.</summary>
internal static class McpPrefixModes
{
    public const string Conditional = "conditional";
    public const string Always = "always";
    public const string Never = "never";

    public static bool IsKnown(string? value) =>
        value is not null && (Is(value, Conditional) || Is(value, Always) || Is(value, Never));

    /// <summary>Whether exposed names carry <c>target_</c> for a backend with <paramref name="targetCount"/> targets.</summary>
    public static bool UsesPrefix(string? mode, int targetCount) =>
        Is(mode, Always) || (!Is(mode, Never) && targetCount > 1);

    private static bool Is(string? value, string mode) => string.Equals(value, mode, StringComparison.OrdinalIgnoreCase);
}
