namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Computes a child's environment exactly as Aspire would inject it: endpoints (ASPNETCORE_URLS,
/// PORT), references (services__NAME__ENDPOINT__0, ConnectionStrings__NAME) and OpenTelemetry
/// settings. A null value removes an inherited variable.
/// </summary>
internal static class EnvironmentBuilder
{
    // Inherited host settings that would fight the URLs we assign.
    private static readonly string[] s_removed = ["ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS"];

    public static Dictionary<string, string?> Build(Resource resource, Uri? otlpEndpoint, string instanceId)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in s_removed)
        {
            env[name] = null;
        }

        env["DOTNET_ENVIRONMENT"] = "Development";
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        AddEndpoints(resource, env);
        AddReferences(resource, env);
        AddTelemetry(resource, otlpEndpoint, instanceId, env);

        // The user's own WithEnvironment values win over everything computed above.
        foreach (var (key, value) in resource.Environment)
        {
            env[key] = value;
        }

        return env;
    }

    private static void AddEndpoints(Resource resource, Dictionary<string, string?> env)
    {
        foreach (var endpoint in resource.Endpoints.Where(e => e.AllocatedPort is not null))
        {
            var port = endpoint.AllocatedPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (endpoint.Name == "http" && resource is not RedisResource)
            {
                env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
                env["PORT"] = port;
            }

            if (endpoint.PortEnvironmentVariable is { } portEnv)
            {
                env[portEnv] = port;
            }

            if (endpoint.UrlEnvironmentVariable is { } urlEnv)
            {
                env[urlEnv] = $"http://127.0.0.1:{port}";
            }
        }
    }

    private static void AddReferences(Resource resource, Dictionary<string, string?> env)
    {
        foreach (var source in resource.References.Where(r => r.IsAvailable))
        {
            if (source is RedisResource redis)
            {
                env[$"ConnectionStrings__{redis.Name}"] = redis.ConnectionString;
                continue;
            }

            foreach (var endpoint in source.Endpoints.Where(e => e.Scheme == "http" && e.AllocatedPort is not null))
            {
                env[$"services__{source.Name}__{endpoint.Name}__0"] = $"http://127.0.0.1:{endpoint.AllocatedPort}";
            }
        }
    }

    private static void AddTelemetry(Resource resource, Uri? otlpEndpoint, string instanceId, Dictionary<string, string?> env)
    {
        if (resource is RedisResource)
        {
            return;
        }

        env["OTEL_SERVICE_NAME"] = resource.Name;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}";
        if (otlpEndpoint is null)
        {
            return;
        }

        env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint.ToString().TrimEnd('/');
        env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        // Short export intervals, as Aspire uses for local development, so the dashboard is live.
        env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
    }
}
