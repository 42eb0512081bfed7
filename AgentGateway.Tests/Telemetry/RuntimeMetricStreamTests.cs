using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Telemetry;

/// <summary>
/// The runtime meter's streams keep at most 100 series (each stream preallocates its limit in points; the default 2,000
/// cost 4 MB of idle memory, bench/README.md); the gateway's own meter keeps the default.
/// </summary>
public class RuntimeMetricStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RuntimeMeterStreams_OverflowPast100Series_GatewayMeterStreamsDoNot()
    {
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($"admin: {{ url: \"http://127.0.0.1:{adminPort}\" }}\nroutes: []\n");
        // Instruments named for this test only: the meters are process-wide, shared with every other test's gateway.
        var id = Guid.NewGuid().ToString("N")[..8];
        using var runtime = new Meter("System.Runtime");
        using var gateway = new Meter("AgentGateway");
        var runtimeCounter = runtime.CreateCounter<long>($"test.runtime{id}");
        var gatewayCounter = gateway.CreateCounter<long>($"test.gateway{id}");
        for (var i = 0; i < 150; i++)
        {
            runtimeCounter.Add(1, new KeyValuePair<string, object?>("n", i));
            gatewayCounter.Add(1, new KeyValuePair<string, object?>("n", i));
        }

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        var text = "";
        for (var attempt = 0; attempt < 50 && !(text.Contains($"test_runtime{id}", StringComparison.Ordinal) && text.Contains($"test_gateway{id}", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100, Ct);
            text = await admin.GetStringAsync("/metrics", Ct);
        }

        var runtimeSeries = Regex.Matches(text, $"^test_runtime{id}_total\\{{(.*)\\}}", RegexOptions.Multiline);
        var gatewaySeries = Regex.Matches(text, $"^test_gateway{id}_total\\{{(.*)\\}}", RegexOptions.Multiline);
        Assert.Equal(150, gatewaySeries.Count);
        Assert.InRange(runtimeSeries.Count, 1, 101);
        Assert.Contains(runtimeSeries, m => m.Groups[1].Value.Contains("otel_metric_overflow=\"true\"", StringComparison.Ordinal));
    }
}
