using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire-style service defaults: OpenTelemetry, health checks, service discovery and HTTP client defaults.
/// Unlike the Aspire template, no resilience handler is added to every HttpClient: a blanket retry would
/// replay POSTs and a total timeout would cut long LLM/MCP/A2A streams. Clients opt in where it is safe.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of the liveness check (the only one /alive runs).</summary>
    public const string LiveTag = "live";

    /// <summary>ActivitySources every service exports.</summary>
    public static readonly string[] ActivitySources =
        ["AgentGateway", "Yarp.ReverseProxy", "Experimental.Microsoft.Extensions.AI", "Experimental.ModelContextProtocol", "ModelContextProtocol"];

    /// <summary>
    /// The sampler when no trace exporter is set: spans are still created, so trace context flows from the caller
    /// through the gateway to the upstream, but only a caller's sampled trace is recorded (W3C parent-based); the
    /// gateway's own root spans carry no tags or events that nobody would read (bench/README.md, "Tracing without an
    /// exporter"). OTEL_TRACES_SAMPLER, when set, decides instead.
    /// </summary>
    public static readonly Sampler UnexportedTraces = new ParentBasedSampler(new AlwaysOffSampler());

    // The runtime's own meter (what AddRuntimeInstrumentation subscribes to on .NET 9+).
    private const string RuntimeMeter = "System.Runtime";

    // Every metric stream preallocates one point per possible tag combination up to its cardinality limit (2,000 by
    // default, ~144 KB each, on the large object heap and touched). The ~20 runtime instruments carry a handful of tag
    // values each (GC generation, exception type), so 100 is plenty: 4 MB less idle RSS (bench/README.md, memory).
    private static readonly MetricStreamConfiguration RuntimeStreams = new() { CardinalityLimit = 100 };

    /// <summary>Adds OpenTelemetry, default health checks, service discovery and HTTP client defaults.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        return builder;
    }

    /// <summary>
    /// Traces, metrics and logs; exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it nothing
    /// reads a recorded span or an OpenTelemetry log record, so neither is made (see <see cref="UnexportedTraces"/>).
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (exporting)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
        }

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddView(instrument => instrument.Meter.Name == RuntimeMeter ? RuntimeStreams : null)
                .AddMeter("AgentGateway"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ActivitySources)
                    .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbe(ctx.Request.Path))
                    .AddHttpClientInstrumentation();
                if (!exporting && string.IsNullOrWhiteSpace(builder.Configuration["OTEL_TRACES_SAMPLER"]))
                {
                    tracing.SetSampler(UnexportedTraces);
                }
            });

        if (exporting)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>A liveness check that always answers (the process is up); readiness checks are added by each service.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: ready to serve) and <c>/alive</c> (liveness only). Served in every
    /// environment, because Kubernetes and Container Apps probes need them in production.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        return app;
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
