using System.Diagnostics.Metrics;
using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Telemetry;

/// <summary>The request metrics of a route are recorded with a tag set built once per route, not per request.</summary>
public class RouteMetricTagsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestMetrics_OfOneRoute_ReuseTheSameTagObjectsAcrossRequests()
    {
        const string Route = "tags-built-once";
        var recorded = new List<KeyValuePair<string, object?>[]>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var copy = tags.ToArray();
            if (copy.Any(t => t is { Key: "route", Value: Route }))
            {
                lock (recorded)
                {
                    recorded.Add(copy);
                }
            }
        });
        listener.Start();
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: {{Route}}, path: /t, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """);

        var client = gw.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/t/a", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/t/b", Ct)).StatusCode);

        // Recorded before the response completes; wait briefly for the second one.
        for (var i = 0; i < 50 && Count() < 2; i++)
        {
            await Task.Delay(100, Ct);
        }

        KeyValuePair<string, object?>[] first, second;
        lock (recorded)
        {
            Assert.Equal(2, recorded.Count);
            (first, second) = (recorded[0], recorded[1]);
        }

        Assert.Equal(["route", "backend_kind", "status_code"], first.Select(t => t.Key));
        Assert.Equal(200, first[2].Value);
        // The status code boxed once for the route, not once per request.
        Assert.Same(first[2].Value, second[2].Value);
        Assert.Same(first[0].Value, second[0].Value);

        int Count()
        {
            lock (recorded)
            {
                return recorded.Count;
            }
        }
    }
}
