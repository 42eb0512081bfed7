using System.Globalization;
using AgentGateway.AppHost.Dashboard.Otlp.Proto;
using AgentGateway.AppHost.Dashboard.Telemetry;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace AgentGateway.AppHost.Dashboard.Otlp;

/// <summary>Flattens OTLP protobuf messages into the dashboard's records (hex ids, string attributes).</summary>
internal static class OtlpConverter
{
    public static IEnumerable<SpanRecord> ToSpans(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? string.Empty;
                foreach (var span in scopeSpans.Spans)
                {
                    yield return new SpanRecord(
                        Hex(span.TraceId), Hex(span.SpanId), span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
                        span.Name, KindName(span.Kind), service, scope, span.StartTimeUnixNano, span.EndTimeUnixNano,
                        StatusName(span.Status), string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                        Attributes(span.Attributes),
                        [.. span.Events.Select(e => new SpanEventRecord(e.Name, e.TimeUnixNano, Attributes(e.Attributes)))]);
                }
            }
        }
    }

    public static IEnumerable<StructuredLogRecord> ToLogs(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? string.Empty;
                foreach (var log in scopeLogs.LogRecords)
                {
                    yield return new StructuredLogRecord(
                        log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano, service,
                        string.IsNullOrEmpty(log.SeverityText) ? SeverityName(log.SeverityNumber) : log.SeverityText,
                        Format(log.Body), log.TraceId.IsEmpty ? null : Hex(log.TraceId), log.SpanId.IsEmpty ? null : Hex(log.SpanId),
                        scope, Attributes(log.Attributes));
                }
            }
        }
    }

    public static IEnumerable<MetricRecord> ToMetrics(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = ServiceName(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                switch (metric.DataCase)
                {
                    case Metric.DataOneofCase.Gauge:
                        foreach (var p in metric.Gauge.DataPoints)
                        {
                            yield return new MetricRecord(service, metric.Name, metric.Unit, "gauge", Number(p), null, p.TimeUnixNano, Attributes(p.Attributes));
                        }

                        break;
                    case Metric.DataOneofCase.Sum:
                        foreach (var p in metric.Sum.DataPoints)
                        {
                            yield return new MetricRecord(service, metric.Name, metric.Unit, "sum", Number(p), null, p.TimeUnixNano, Attributes(p.Attributes));
                        }

                        break;
                    case Metric.DataOneofCase.Histogram:
                        foreach (var p in metric.Histogram.DataPoints)
                        {
                            yield return new MetricRecord(service, metric.Name, metric.Unit, "histogram", p.HasSum ? p.Sum : 0, p.Count, p.TimeUnixNano, Attributes(p.Attributes));
                        }

                        break;
                }
            }
        }
    }

    private static double Number(NumberDataPoint p) =>
        p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble;

    internal static string ServiceName(Proto.Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } v ? Format(v) : "unknown";

    internal static IReadOnlyDictionary<string, string> Attributes(RepeatedField<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (var kv in attributes)
        {
            result[kv.Key] = Format(kv.Value);
        }

        return result;
    }

    internal static string Format(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Format)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Format(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => string.Empty,
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Internal => "Internal",
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Unspecified",
    };

    private static string StatusName(Status? status) => status?.Code switch
    {
        Status.Types.StatusCode.Ok => "Ok",
        Status.Types.StatusCode.Error => "Error",
        _ => "Unset",
    };

    private static string SeverityName(int number) => number switch
    {
        >= 21 => "Fatal",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };
}
