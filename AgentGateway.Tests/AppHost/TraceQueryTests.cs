using AgentGateway.AppHost.Dashboard.Telemetry;

namespace AgentGateway.Tests.AppHost;

public class TraceQueryTests
{
    private static SpanRecord Span(string id, string? parent, ulong start, ulong end, string service = "svc", string status = "Unset") =>
        new("t1", id, parent, "span-" + id, "Internal", service, "scope", start, end, status, null,
            new Dictionary<string, string>(), []);

    [Fact]
    public void Detail_OrdersDepthFirstWithDepthsAndOffsets()
    {
        var store = new TelemetryStore();
        store.AddSpans([Span("c2", "a", 3_000_000, 4_000_000), Span("a", null, 1_000_000, 5_000_000), Span("c1", "a", 2_000_000, 3_000_000),
            Span("g", "c1", 2_500_000, 2_600_000, "other")]);

        var detail = TraceQuery.Detail(store, "T1")!; // ids are matched case-insensitively

        Assert.Equal(["a", "c1", "g", "c2"], detail.Spans.Select(s => s.Span.SpanId));
        Assert.Equal([0, 1, 2, 1], detail.Spans.Select(s => s.Depth));
        Assert.Equal([0.0, 1.0, 1.5, 2.0], detail.Spans.Select(s => s.OffsetMs));
        Assert.Equal(4.0, detail.Summary.DurationMs);
        Assert.Equal(["other", "svc"], detail.Summary.Services);
    }

    [Fact]
    public void Summarize_RootNotArrivedYet_UsesEarliestOrphanAsRoot()
    {
        var summary = TraceQuery.Summarize([Span("b", "missing", 2, 3), Span("c", "b", 2, 3), Span("x", "missing", 1, 9, status: "Error")]);

        Assert.Equal("span-x", summary.RootName);
        Assert.True(summary.HasError);
    }

    [Fact]
    public void Detail_CyclicParents_DoesNotLoop()
    {
        var store = new TelemetryStore();
        store.AddSpans([Span("a", "b", 1, 2), Span("b", "a", 1, 2), Span("r", null, 0, 3)]);

        var detail = TraceQuery.Detail(store, "t1")!;

        Assert.Equal(["r"], detail.Spans.Select(s => s.Span.SpanId));
    }

    [Fact]
    public void Store_OverCapacity_DropsOldestSpansAndEmptyTraces()
    {
        var store = new TelemetryStore(maxSpans: 2);
        store.AddSpans([Span("a", null, 1, 2) with { TraceId = "old" }, Span("b", null, 1, 2) with { TraceId = "new" },
            Span("c", "b", 1, 2) with { TraceId = "new" }]);

        Assert.Equal(2, store.SpanCount);
        Assert.Null(store.Trace("old"));
        Assert.Equal(2, store.Trace("new")!.Count);
    }
}
