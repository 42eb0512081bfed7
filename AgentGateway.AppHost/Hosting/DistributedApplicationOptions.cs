namespace AgentGateway.AppHost.Hosting;

/// <summary>How the orchestrator behaves; the testing builder turns off the dashboard and console echo.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Where relative paths resolve; defaults to the AppHost project folder.</summary>
    public string? AppHostDirectory { get; init; }

    /// <summary>Run the dashboard + OTLP receiver and give every service OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public bool EnableDashboard { get; init; } = true;

    /// <summary>Dashboard port; 0 picks a free one. If the preferred port is taken a free one is used.</summary>
    public int DashboardPort { get; init; } = 18888;

    /// <summary>Explicit OTLP endpoint to hand to services when the dashboard is off (e.g. an external collector).</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Where the table, prefixed child output and exits are written; null silences it.</summary>
    public TextWriter? Output { get; init; } = Console.Out;

    /// <summary>Build configuration used for <c>dotnet build</c> of project resources.</summary>
    public string Configuration { get; init; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>How long to wait for one resource to become healthy before declaring it failed.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
