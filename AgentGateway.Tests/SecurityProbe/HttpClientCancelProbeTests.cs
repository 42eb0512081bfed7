using System.Diagnostics.Metrics;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>A client that gives up is not an upstream failure: logged and counted as 499, no warning, no 502.</summary>
public class HttpClientCancelProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestAbortedByTheClient_IsLoggedAndCountedAs499_WithoutAWarning()
    {
        var upstreamSaw = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = await EchoServer.StartAsync("slow", async ctx =>
        {
            upstreamSaw.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return true;
        });
        var logs = new CapturingLoggerProvider();
        var route = "cancel-" + Guid.NewGuid().ToString("N")[..8];
        var statuses = new List<int>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.requests")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var mine = false;
            int? status = null;
            foreach (var tag in tags)
            {
                mine |= tag is { Key: "route", Value: string r } && r == route;
                status = tag.Key == "status_code" ? Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture) : status;
            }

            if (mine && status is { } s)
            {
                lock (statuses)
                {
                    statuses.Add(s);
                }
            }
        });
        meters.Start();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: {{route}}, path: /slow, http: s }]
            http: { s: { destinations: ["{{slow.BaseAddress}}"] } }
            """, configure: b => b.Logging.AddProvider(logs));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = gw.CreateClient().GetAsync("/slow/report", cts.Token);
        await upstreamSaw.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.Entries.Any(e => e.Category == "AgentGateway.AccessLog") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var line = Assert.Single(logs.Entries, e => e.Category == "AgentGateway.AccessLog");
        Assert.Equal(499, line.State.First(kv => kv.Key == "status").Value);
        lock (statuses)
        {
            Assert.Equal([499], statuses);
        }

        var loud = logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud));
    }
}
