using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Admin.Api;

/// <summary>
/// Per-route request rate, error rate and latency percentiles for the UI, fed by the gateway's own instruments
/// (a <see cref="MeterListener"/> on <c>agentgateway.request.duration</c>, one measurement per request) and token
/// usage by provider type and model (<c>gen_ai.client.token.usage</c>). Created only while the admin API is on;
/// each route keeps its last <see cref="SamplesPerRoute"/> requests, so memory stays bounded.
/// </summary>
internal sealed class RouteMetrics : IDisposable
{
    public const int SamplesPerRoute = 2048;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, RouteSamples> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Provider, string Model, string Kind), long> _tokens = new();
    private readonly MeterListener _listener = new();
    private readonly LinkedList<LlmAnswer> _answers = new();
    private readonly TimeProvider _time;

    public RouteMetrics(TimeProvider time)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Meter.Name
                && instrument.Name is "agentgateway.request.duration" or "gen_ai.client.token.usage" or "gen_ai.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.SetMeasurementEventCallback<long>(OnTokens);
        _listener.Start();
    }

    /// <summary>The last <see cref="Window"/> of each route that has served a request since start.</summary>
    public IReadOnlyDictionary<string, RouteStats> Snapshot()
    {
        var since = _time.GetUtcNow() - Window;
        return _routes.ToDictionary(static r => r.Key, r => r.Value.Stats(since), StringComparer.Ordinal);
    }

    /// <summary>Tokens counted since start, by provider type, model and token type (input/output).</summary>
    public IEnumerable<(string Provider, string Model, string Kind, long Tokens)> Tokens() =>
        _tokens.Select(static t => (t.Key.Provider, t.Key.Model, t.Key.Kind, t.Value));

    /// <summary>The last LLM calls (provider type, requested and answering model, error), newest first.</summary>
    public IReadOnlyList<LlmAnswer> RecentLlmAnswers()
    {
        lock (_answers)
        {
            return [.. _answers];
        }
    }

    private void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "gen_ai.client.operation.duration")
        {
            OnLlmCall(seconds, tags);
            return;
        }

        string? route = null;
        var status = 0;
        foreach (var tag in tags)
        {
            if (tag.Key == "route")
            {
                route = tag.Value as string;
            }
            else if (tag.Key == "status_code" && tag.Value is int code)
            {
                status = code;
            }
        }

        if (route is not null)
        {
            _routes.GetOrAdd(route, static _ => new RouteSamples()).Add(new Sample(_time.GetUtcNow(), seconds, status));
        }
    }

    private void OnTokens(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string provider = "", model = "", kind = "";
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "gen_ai.provider.name": provider = tag.Value as string ?? ""; break;
                case "gen_ai.request.model": model = tag.Value as string ?? ""; break;
                case "gen_ai.token.type": kind = tag.Value as string ?? ""; break;
            }
        }

        _tokens.AddOrUpdate((provider, model, kind), value, (_, total) => total + value);
    }

    private void OnLlmCall(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string provider = "", model = "";
        string? responseModel = null, error = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "gen_ai.provider.name": provider = tag.Value as string ?? ""; break;
                case "gen_ai.request.model": model = tag.Value as string ?? ""; break;
                case "gen_ai.response.model": responseModel = tag.Value as string; break;
                case "error.type": error = tag.Value as string; break;
            }
        }

        lock (_answers)
        {
            _answers.AddFirst(new LlmAnswer(_time.GetUtcNow(), provider, model, responseModel, error, Math.Round(seconds * 1000, 1)));
            if (_answers.Count > 20)
            {
                _answers.RemoveLast();
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private readonly record struct Sample(DateTimeOffset Time, double Seconds, int Status);

    private sealed class RouteSamples
    {
        private readonly Sample[] _ring = new Sample[SamplesPerRoute];
        private readonly Lock _lock = new();
        private int _next;
        private int _count;
        private long _total;

        public void Add(Sample sample)
        {
            lock (_lock)
            {
                _ring[_next] = sample;
                _next = (_next + 1) % _ring.Length;
                _count = Math.Min(_count + 1, _ring.Length);
                _total++;
            }
        }

        public RouteStats Stats(DateTimeOffset since)
        {
            Sample[] recent;
            long total;
            lock (_lock)
            {
                recent = [.. _ring.Take(_count).Where(s => s.Time >= since)];
                total = _total;
            }

            var durations = recent.Select(static s => s.Seconds * 1000).Order().ToArray();
            var errors = recent.Count(static s => s.Status >= 500);
            return new RouteStats(
                total,
                recent.Length,
                Math.Round(recent.Length / Window.TotalSeconds, 3),
                errors,
                recent.Count(static s => s.Status is >= 400 and < 500),
                recent.Length == 0 ? 0 : Math.Round((double)errors / recent.Length, 4),
                Percentile(durations, 0.50),
                Percentile(durations, 0.99));
        }

        private static double? Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
    }
}

/// <summary>A route's traffic: requests since start, and over the last window: count, rate, 5xx, 4xx, 5xx share, p50/p99 in ms.</summary>
internal sealed record RouteStats(long Total, int Recent, double RatePerSecond, int Errors, int ClientErrors, double ErrorRate, double? P50Ms, double? P99Ms);

/// <summary>One LLM call as the gateway's GenAI metrics saw it: the provider type that answered (or failed) and the models.</summary>
internal sealed record LlmAnswer(DateTimeOffset Time, string ProviderType, string RequestModel, string? ResponseModel, string? Error, double DurationMs);
