namespace AgentGateway.AppHost.Dashboard.Telemetry;

// The dashboard's own view of received telemetry: flat, JSON-friendly, ids as lowercase hex.

/// <summary>One span; times are Unix nanoseconds as sent.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    string Scope,
    ulong StartUnixNano,
    ulong EndUnixNano,
    string Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventRecord> Events)
{
    public double DurationMs => (EndUnixNano - Math.Min(StartUnixNano, EndUnixNano)) / 1_000_000.0;
}

public sealed record SpanEventRecord(string Name, ulong TimeUnixNano, IReadOnlyDictionary<string, string> Attributes);

/// <summary>One structured log record.</summary>
public sealed record StructuredLogRecord(
    ulong TimeUnixNano,
    string Service,
    string Severity,
    string Body,
    string? TraceId,
    string? SpanId,
    string Scope,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>The latest value of one metric stream (service + name + attribute set).</summary>
public sealed record MetricRecord(
    string Service,
    string Name,
    string Unit,
    string Type,
    double Value,
    ulong? Count,
    ulong TimeUnixNano,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>A row of the traces list.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    ulong StartUnixNano,
    double DurationMs,
    int SpanCount,
    bool HasError);

/// <summary>A whole trace for the waterfall: spans ordered depth-first, each with its depth.</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<WaterfallSpan> Spans);

public sealed record WaterfallSpan(int Depth, double OffsetMs, SpanRecord Span);
