using System.Net;
using System.Text.Json;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// Reads traces back from the real Aspire dashboard through its telemetry API (<c>/api/telemetry</c>, OTLP JSON),
/// authenticated with the key the tests configure (<see cref="LocalStackApp.DashboardApiKey"/>).
/// </summary>
internal sealed class DashboardTelemetry(Uri dashboard) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(dashboard.GetLeftPart(UriPartial.Authority)) };

    public sealed record Span(string Service, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes)
    {
        public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
    }

    /// <summary>Polls until the trace holds what <paramref name="complete"/> expects (spans arrive in export batches).</summary>
    public async Task<IReadOnlyList<Span>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<Span>, bool> complete, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        List<Span> spans = [];
        var last = "";
        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/telemetry/traces/{traceId}");
                request.Headers.Add("x-api-key", LocalStackApp.DashboardApiKey);
                using var response = await _http.SendAsync(request, timeout.Token);
                last = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    Assert.True(response.IsSuccessStatusCode, $"dashboard telemetry API: {(int)response.StatusCode} {last}");
                    spans = Parse(last);
                    if (complete(spans))
                    {
                        return spans;
                    }
                }

                await Task.Delay(500, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"trace {traceId} never held the expected spans; it had {spans.Count}: "
                + string.Join("; ", spans.Select(static s => $"{s.Service}:{s.Name}")) + $"\nlast answer: {last[..Math.Min(last.Length, 3000)]}");
            throw;
        }
    }

    /// <summary>OTLP JSON (<c>data.resourceSpans[].scopeSpans[].spans[]</c>) to flat spans with string attributes.</summary>
    private static List<Span> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var spans = new List<Span>();
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resourceSpans))
        {
            return spans;
        }

        foreach (var resource in resourceSpans.EnumerateArray())
        {
            var service = Attributes(resource.GetProperty("resource")).GetValueOrDefault("service.name", "");
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new Span(service, Text(span, "spanId"), Text(span, "parentSpanId"), Text(span, "name"), Attributes(span)));
                }
            }
        }

        return spans;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static Dictionary<string, string> Attributes(JsonElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("attributes", out var attributes))
        {
            foreach (var attribute in attributes.EnumerateArray())
            {
                // An AnyValue has one member: stringValue, intValue (a string in OTLP JSON), boolValue, ...
                var value = attribute.GetProperty("value").EnumerateObject().FirstOrDefault().Value;
                result[attribute.GetProperty("key").GetString()!] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
            }
        }

        return result;
    }

    public void Dispose() => _http.Dispose();
}
