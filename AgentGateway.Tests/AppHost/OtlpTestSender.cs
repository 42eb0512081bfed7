using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentGateway.Tests.AppHost;

/// <summary>
/// Sends real OTLP/HTTP protobuf with the OpenTelemetry .NET SDK and its OTLP exporter, as every
/// service in the stack does, to the dashboard's receiver.
/// </summary>
internal static partial class OtlpTestSender
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogTestMessage(ILogger logger, string message);

    private static void Configure(OtlpExporterOptions o, Uri dashboard, string signal)
    {
        o.Endpoint = new Uri(dashboard, signal);
        o.Protocol = OtlpExportProtocol.HttpProtobuf;
        o.ExportProcessorType = ExportProcessorType.Simple;
    }

    /// <summary>
    /// One trace across two services: frontend "POST /chat" (server) → "call backend" (client) →
    /// backend "<paramref name="backendSpan"/>" (server, error status, GenAI attribute). Returns the trace id.
    /// </summary>
    public static string SendCrossServiceTrace(Uri dashboard, string frontend, string backend, string backendSpan)
    {
        var suffix = Guid.NewGuid().ToString("N");
        using var frontendSource = new ActivitySource("test.frontend." + suffix);
        using var backendSource = new ActivitySource("test.backend." + suffix);
        using var frontendProvider = Sdk.CreateTracerProviderBuilder().AddSource(frontendSource.Name)
            .ConfigureResource(r => r.AddService(frontend)).AddOtlpExporter(o => Configure(o, dashboard, "v1/traces")).Build();
        using var backendProvider = Sdk.CreateTracerProviderBuilder().AddSource(backendSource.Name)
            .ConfigureResource(r => r.AddService(backend)).AddOtlpExporter(o => Configure(o, dashboard, "v1/traces")).Build();

        string traceId;
        var previous = Activity.Current;
        Activity.Current = null; // a fresh trace, whatever the test host is doing
        try
        {
            using var root = frontendSource.StartActivity("POST /chat", ActivityKind.Server)!;
            root.SetTag("http.request.method", "POST");
            root.SetTag("http.response.status_code", 502);
            traceId = root.TraceId.ToHexString();
            using (var call = frontendSource.StartActivity("call backend", ActivityKind.Client)!)
            {
                using var handle = backendSource.StartActivity(backendSpan, ActivityKind.Server, call.Context)!;
                handle.SetTag("gen_ai.request.model", "gpt-test");
                handle.SetTag("gen_ai.usage.input_tokens", 42);
                handle.AddEvent(new ActivityEvent("retry"));
                handle.SetStatus(ActivityStatusCode.Error, "upstream refused");
            }
        }
        finally
        {
            Activity.Current = previous;
        }

        Assert.True(backendProvider.ForceFlush(10_000));
        Assert.True(frontendProvider.ForceFlush(10_000));
        return traceId;
    }

    public static void SendLog(Uri dashboard, string service, string message)
    {
        using (var factory = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.IncludeFormattedMessage = true;
                   o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(service));
                   o.AddOtlpExporter(e => Configure(e, dashboard, "v1/logs"));
               })))
        {
            LogTestMessage(factory.CreateLogger("Test"), message);
        } // disposing the factory flushes the exporter
    }

    public static void SendCounter(Uri dashboard, string service, string name, long value)
    {
        using var meter = new Meter("test.meter." + Guid.NewGuid().ToString("N"));
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name)
            .ConfigureResource(r => r.AddService(service))
            .AddOtlpExporter(o => Configure(o, dashboard, "v1/metrics")).Build();
        meter.CreateCounter<long>(name).Add(value, new KeyValuePair<string, object?>("route", "chat"));
        Assert.True(provider.ForceFlush(10_000));
    }
}
