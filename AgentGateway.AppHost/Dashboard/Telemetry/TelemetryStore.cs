namespace AgentGateway.AppHost.Dashboard.Telemetry;

/// <summary>
/// Received telemetry kept in memory with fixed upper bounds (oldest dropped first), so a long
/// session or a noisy service cannot grow the AppHost without limit.
/// </summary>
public sealed class TelemetryStore(int maxSpans = 20_000, int maxLogs = 10_000, int maxMetricStreams = 5_000)
{
    private readonly Queue<SpanRecord> _spans = new();
    private readonly Dictionary<string, List<SpanRecord>> _byTrace = new(StringComparer.Ordinal);
    private readonly Queue<StructuredLogRecord> _logs = new();
    private readonly Dictionary<string, MetricRecord> _metrics = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void AddSpans(IEnumerable<SpanRecord> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                _spans.Enqueue(span);
                if (!_byTrace.TryGetValue(span.TraceId, out var list))
                {
                    _byTrace[span.TraceId] = list = [];
                }

                list.Add(span);
                while (_spans.Count > maxSpans)
                {
                    Evict(_spans.Dequeue());
                }
            }
        }
    }

    private void Evict(SpanRecord old)
    {
        if (_byTrace.TryGetValue(old.TraceId, out var list))
        {
            list.Remove(old);
            if (list.Count == 0)
            {
                _byTrace.Remove(old.TraceId);
            }
        }
    }

    public void AddLogs(IEnumerable<StructuredLogRecord> logs)
    {
        lock (_lock)
        {
            foreach (var log in logs)
            {
                _logs.Enqueue(log);
                while (_logs.Count > maxLogs)
                {
                    _logs.Dequeue();
                }
            }
        }
    }

    public void AddMetrics(IEnumerable<MetricRecord> metrics)
    {
        lock (_lock)
        {
            foreach (var metric in metrics)
            {
                var key = $"{metric.Service}|{metric.Name}|{string.Join(',', metric.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))}";
                if (_metrics.Count >= maxMetricStreams && !_metrics.ContainsKey(key))
                {
                    continue; // bounded: new streams beyond the cap are ignored, known ones keep updating
                }

                _metrics[key] = metric;
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<SpanRecord>> Traces()
    {
        lock (_lock)
        {
            return [.. _byTrace.Values.Select(l => (IReadOnlyList<SpanRecord>)[.. l])];
        }
    }

    public IReadOnlyList<SpanRecord>? Trace(string traceId)
    {
        lock (_lock)
        {
            return _byTrace.TryGetValue(traceId.ToLowerInvariant(), out var list) ? [.. list] : null;
        }
    }

    public IReadOnlyList<StructuredLogRecord> Logs()
    {
        lock (_lock)
        {
            return [.. _logs];
        }
    }

    public IReadOnlyList<MetricRecord> Metrics()
    {
        lock (_lock)
        {
            return [.. _metrics.Values];
        }
    }

    public int SpanCount
    {
        get { lock (_lock) { return _spans.Count; } }
    }
}
