namespace AgentGateway.AppHost.Dashboard.Telemetry;

/// <summary>Turns stored spans into the traces list (with filters) and the waterfall of one trace.</summary>
public static class TraceQuery
{
    public static IReadOnlyList<TraceSummary> List(TelemetryStore store, string? service, string? name, string? status, int limit = 200)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.Traces()
            .Where(spans => spans.Count > 0)
            .Where(spans => string.IsNullOrEmpty(service) || spans.Any(s => s.Service.Equals(service, StringComparison.OrdinalIgnoreCase)))
            .Where(spans => string.IsNullOrEmpty(name) || spans.Any(s => s.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .Select(Summarize)
            .Where(t => status switch
            {
                null or "" or "any" => true,
                "error" => t.HasError,
                "ok" => !t.HasError,
                _ => true,
            })
            .OrderByDescending(t => t.StartUnixNano)
            .Take(limit)];
    }

    public static TraceSummary Summarize(IReadOnlyList<SpanRecord> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        // The root is the span without a parent here; if the root has not arrived yet, the earliest span stands in.
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId))
            .OrderBy(s => s.StartUnixNano).First();
        var start = spans.Min(s => s.StartUnixNano);
        var end = spans.Max(s => s.EndUnixNano);
        return new TraceSummary(root.TraceId, root.Name, root.Service,
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            start, (end - Math.Min(start, end)) / 1_000_000.0, spans.Count, spans.Any(s => s.Status == "Error"));
    }

    public static TraceDetail? Detail(TelemetryStore store, string traceId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var spans = store.Trace(traceId);
        if (spans is null || spans.Count == 0)
        {
            return null;
        }

        var summary = Summarize(spans);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartUnixNano).ToList(), StringComparer.Ordinal);
        var ordered = new List<WaterfallSpan>(spans.Count);
        var visited = new HashSet<SpanRecord>(ReferenceEqualityComparer.Instance);
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartUnixNano))
        {
            Visit(root, 0);
        }

        return new TraceDetail(summary, ordered);

        void Visit(SpanRecord span, int depth)
        {
            // Senders can repeat span ids; never emit a span twice or recurse without end.
            if (!visited.Add(span) || depth > 256)
            {
                return;
            }

            ordered.Add(new WaterfallSpan(depth, (span.StartUnixNano - Math.Min(summary.StartUnixNano, span.StartUnixNano)) / 1_000_000.0, span));
            if (children.TryGetValue(span.SpanId, out var kids))
            {
                foreach (var kid in kids)
                {
                    Visit(kid, depth + 1);
                }
            }
        }
    }
}
