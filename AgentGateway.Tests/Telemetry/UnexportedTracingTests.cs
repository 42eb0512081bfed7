using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Telemetry;

/// <summary>
/// Without a trace exporter nothing reads a recorded span, so the gateway records only the traces its callers
/// sampled; trace context still flows to the upstream either way. Checked in a child process: in the test process
/// other tests' ActivityListeners take part in every sampling decision.
/// </summary>
public class UnexportedTracingTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    // Whatever the machine running the tests exports to, these processes must not.
    private static readonly Dictionary<string, string?> NoExporter = new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null, ["OTEL_TRACES_SAMPLER"] = null };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAnExporter_RootRequestsAreNotRecorded_ButTheirContextReachesTheUpstream()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gateway = await GatewayChildProcess.StartInFrontOfAsync(echo, NoExporter);

        var upstream = await UpstreamTraceparentAsync(gateway, callerTraceparent: null);

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", upstream);
        Assert.NotEqual(new string('0', 32), upstream.Split('-')[1]);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("00")]
    public async Task WithoutAnExporter_ACallersTrace_ContinuesUpstreamWithTheCallersSamplingDecision(string flags)
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gateway = await GatewayChildProcess.StartInFrontOfAsync(echo, NoExporter);

        var upstream = (await UpstreamTraceparentAsync(gateway, $"00-{TraceId}-{CallerSpanId}-{flags}")).Split('-');

        Assert.Equal(TraceId, upstream[1]);
        Assert.NotEqual(CallerSpanId, upstream[2]);
        Assert.Equal(flags, upstream[3]);
    }

    [Fact]
    public async Task OtelTracesSampler_WhenSet_DecidesInstead()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gateway = await GatewayChildProcess.StartInFrontOfAsync(echo,
            new Dictionary<string, string?>(NoExporter) { ["OTEL_TRACES_SAMPLER"] = "always_on" });

        var upstream = await UpstreamTraceparentAsync(gateway, callerTraceparent: null);

        Assert.EndsWith("-01", upstream, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public async Task OpenTelemetryLogging_IsAddedOnlyWhenLogsAreExported(string? endpoint, bool expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.ConfigureOpenTelemetry();
        await using var app = builder.Build();

        var providers = app.Services.GetServices<ILoggerProvider>().Select(p => p.GetType().Name);

        Assert.Equal(expected, providers.Contains("OpenTelemetryLoggerProvider"));
    }

    private static async Task<string> UpstreamTraceparentAsync(GatewayChildProcess gateway, string? callerTraceparent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/traced");
        if (callerTraceparent is not null)
        {
            request.Headers.Add("traceparent", callerTraceparent);
        }

        using var response = await gateway.Client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return echoed.RootElement.GetProperty("headers").GetProperty("traceparent").GetString()!;
    }
}
