using System.Net;
using System.Text.Json;

namespace AgentGateway.Tests.AppHost;

public class DashboardOtlpTests
{
    [Fact]
    public async Task OtlpTraces_FromDotNetExporter_AppearInListAndWaterfall()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardTestApp.StartAsync(_ => { }, ct);

        var traceId = OtlpTestSender.SendCrossServiceTrace(app.Dashboard(), "frontend-svc", "backend-svc", "chat gpt-test");

        var list = await app.GetJsonAsync("/api/traces?service=backend-svc", ct);
        var summary = Assert.Single(list.EnumerateArray(), t => t.GetProperty("traceId").GetString() == traceId);
        Assert.Equal("POST /chat", summary.GetProperty("rootName").GetString());
        Assert.Equal("frontend-svc", summary.GetProperty("rootService").GetString());
        Assert.Equal(3, summary.GetProperty("spanCount").GetInt32());
        Assert.True(summary.GetProperty("hasError").GetBoolean());
        Assert.Equal(["backend-svc", "frontend-svc"], summary.GetProperty("services").EnumerateArray().Select(s => s.GetString()));

        var detail = await app.GetJsonAsync($"/api/traces/{traceId}", ct);
        var spans = detail.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(["POST /chat", "call backend", "chat gpt-test"], spans.Select(s => s.GetProperty("span").GetProperty("name").GetString()));
        Assert.Equal([0, 1, 2], spans.Select(s => s.GetProperty("depth").GetInt32()));
        var backend = spans[2].GetProperty("span");
        Assert.Equal("backend-svc", backend.GetProperty("service").GetString());
        Assert.Equal("Server", backend.GetProperty("kind").GetString());
        Assert.Equal("Error", backend.GetProperty("status").GetString());
        Assert.Equal("upstream refused", backend.GetProperty("statusMessage").GetString());
        Assert.Equal("gpt-test", backend.GetProperty("attributes").GetProperty("gen_ai.request.model").GetString());
        Assert.Equal("42", backend.GetProperty("attributes").GetProperty("gen_ai.usage.input_tokens").GetString());
        Assert.Equal("retry", backend.GetProperty("events")[0].GetProperty("name").GetString());
        Assert.Equal(spans[1].GetProperty("span").GetProperty("spanId").GetString(), backend.GetProperty("parentSpanId").GetString());
    }

    [Theory]
    [InlineData("frontend-svc", null, null, true)]
    [InlineData("nobody", null, null, false)]
    [InlineData(null, "gpt-test", null, true)]
    [InlineData(null, "no-such-span", null, false)]
    [InlineData(null, null, "error", true)]
    [InlineData(null, null, "ok", false)]
    public async Task TracesList_Filters_ByServiceNameAndStatus(string? service, string? name, string? status, bool listed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardTestApp.StartAsync(_ => { }, ct);
        var traceId = OtlpTestSender.SendCrossServiceTrace(app.Dashboard(), "frontend-svc", "backend-svc", "chat gpt-test");

        var query = $"/api/traces?service={service}&name={name}&status={status}";
        var list = await app.GetJsonAsync(query, ct);

        Assert.Equal(listed, list.EnumerateArray().Any(t => t.GetProperty("traceId").GetString() == traceId));
    }

    [Fact]
    public async Task OtlpLogsAndMetrics_FromDotNetExporter_AreStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardTestApp.StartAsync(_ => { }, ct);

        OtlpTestSender.SendLog(app.Dashboard(), "logger-svc", "disk almost full");
        OtlpTestSender.SendCounter(app.Dashboard(), "meter-svc", "requests.total", 5);

        var logs = await app.GetJsonAsync("/api/structuredlogs?service=logger-svc", ct);
        var log = Assert.Single(logs.EnumerateArray());
        Assert.Equal("disk almost full", log.GetProperty("body").GetString());
        Assert.Equal("Warning", log.GetProperty("severity").GetString());
        var metrics = await app.GetJsonAsync("/api/metrics?service=meter-svc", ct);
        var counter = Assert.Single(metrics.EnumerateArray(), m => m.GetProperty("name").GetString() == "requests.total");
        Assert.Equal(5, counter.GetProperty("value").GetDouble());
        Assert.Equal("sum", counter.GetProperty("type").GetString());
        Assert.Equal("chat", counter.GetProperty("attributes").GetProperty("route").GetString());
    }

    [Fact]
    public async Task OtlpReceiver_BadInput_GetsClearStatusCodes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardTestApp.StartAsync(_ => { }, ct);
        using var http = new HttpClient { BaseAddress = app.Dashboard() };

        using var garbage = new ByteArrayContent([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        garbage.Headers.ContentType = new("application/x-protobuf");
        using var garbageResponse = await http.PostAsync(new Uri("/v1/traces", UriKind.Relative), garbage, ct);
        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var jsonResponse = await http.PostAsync(new Uri("/v1/logs", UriKind.Relative), json, ct);
        using var missingTrace = await http.GetAsync(new Uri("/api/traces/0123456789abcdef0123456789abcdef", UriKind.Relative), ct);
        using var missingResource = await http.GetAsync(new Uri("/api/logs/nope", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, garbageResponse.StatusCode);
        Assert.Contains("invalid protobuf", await garbageResponse.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, jsonResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingTrace.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingResource.StatusCode);
        // The receiver is still serving after the bad requests.
        Assert.Equal(JsonValueKind.Array, (await app.GetJsonAsync("/api/traces", ct)).ValueKind);
    }
}
