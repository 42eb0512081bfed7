namespace AgentGateway.Telemetry;

/// <summary>Telemetry settings (the <c>telemetry:</c> section).</summary>
public sealed record TelemetryConfig
{
    /// <summary>The per-request access log.</summary>
    public AccessLogConfig AccessLog { get; init; } = new();
}

/// <summary>One structured line per request, at Information level, category <c>AgentGateway.AccessLog</c>.</summary>
public sealed record AccessLogConfig
{
    /// <summary>All fields, in order; the default.</summary>
    public static readonly IReadOnlyList<string> AllFields =
        ["route", "method", "path", "status", "durationMs", "principal", "upstream", "bytesIn", "bytesOut", "inputTokens", "outputTokens", "tool"];

    /// <summary>Whether the access log is written.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Fields to write (see <see cref="AllFields"/>); empty = all.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
