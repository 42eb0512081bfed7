using System.Text.RegularExpressions;
using AgentGateway.Configuration;

namespace AgentGateway.Mcp;

/// <summary>
/// Checks <c>mcp:</c> backends: a known prefix mode, at least one target, unique target names usable as prefixes,
/// exactly one of stdio/url/openapi per target with valid fields, known transports, valid origins, a positive list cache TTL and the
/// <c>sessions:</c> block. Name collisions under <c>prefix: never</c> are only knowable at runtime (logged then).
/// </summary>
internal sealed partial class McpConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, backend) in config.Mcp)
        {
            ValidateBackend($"mcp.{name}", backend, context);
        }

        if (!string.Equals(config.Sessions.Store, "memory", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(config.Sessions.Store, "redis", StringComparison.OrdinalIgnoreCase))
        {
            context.Error("sessions.store", $"'{config.Sessions.Store}' must be 'memory' or 'redis'");
        }

        if (!Duration.TryParse(config.Sessions.Ttl, out var ttl) || ttl <= TimeSpan.Zero)
        {
            context.Error("sessions.ttl", $"'{config.Sessions.Ttl}' must be a positive duration such as 30m");
        }
    }

    private static void ValidateBackend(string path, McpBackendConfig backend, ConfigValidationContext context)
    {
        if (!McpPrefixModes.IsKnown(backend.Prefix))
        {
            context.Error($"{path}.prefix", $"'{backend.Prefix}' must be conditional, always or never");
        }

        if (backend.Targets.Count == 0)
        {
            context.Error($"{path}.targets", "an mcp backend needs at least one target");
        }

        if (!Duration.TryParse(backend.ListCacheTtl, out var listCacheTtl) || listCacheTtl <= TimeSpan.Zero)
        {
            context.Error($"{path}.listCacheTtl", $"'{backend.ListCacheTtl}' must be a positive duration such as 5m");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < backend.Targets.Count; i++)
        {
            var target = backend.Targets[i];
            var targetPath = $"{path}.targets[{i}]";
            if (!TargetName().IsMatch(target.Name ?? ""))
            {
                context.Error($"{targetPath}.name", $"'{target.Name}' must start with a letter and contain only letters, digits and '-' (it becomes the 'name_' prefix)");
            }
            else if (!names.Add(target.Name!))
            {
                context.Error($"{targetPath}.name", $"duplicate target name '{target.Name}'");
            }

            ValidateTarget(targetPath, target, context);
        }

        for (var i = 0; i < backend.AllowedOrigins.Count; i++)
        {
            var origin = backend.AllowedOrigins[i];
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                context.Error($"{path}.allowedOrigins[{i}]", $"'{origin}' must be an origin such as https://app.example.com");
            }
        }
    }

    private static void ValidateTarget(string path, McpTargetConfig target, ConfigValidationContext context)
    {
        var kinds = (target.Stdio is not null ? 1 : 0) + (target.Url is not null ? 1 : 0) + (target.OpenApi is not null ? 1 : 0);
        if (kinds != 1)
        {
            context.Error(path, "a target needs exactly one of stdio, url or openapi");
        }

        if (target.Stdio is { } stdio && string.IsNullOrWhiteSpace(stdio.Command))
        {
            context.Error($"{path}.stdio.command", "a stdio target needs a command");
        }

        if (target.Url is { } url && !IsHttpUrl(url))
        {
            context.Error($"{path}.url", $"'{url}' must be an absolute http(s) URL");
        }

        if (target.Tls is { } tls)
        {
            if (target.Url is null)
            {
                context.Error($"{path}.tls", "applies to url targets only");
            }

            Traffic.TlsValidator.ValidateBackend(tls, $"{path}.tls", context);
        }

        if (!McpTransportKinds.IsKnown(target.Transport))
        {
            context.Error($"{path}.transport", $"'{target.Transport}' must be auto, streamable-http or sse");
        }

        if (target.OpenApi is { } openApi)
        {
            if (string.IsNullOrWhiteSpace(openApi.Spec))
            {
                context.Error($"{path}.openapi.spec", "an openapi target needs a spec (file path or URL)");
            }
            else if (!IsHttpUrl(openApi.Spec) && !File.Exists(context.ResolvePath(openApi.Spec)))
            {
                context.Error($"{path}.openapi.spec", $"file '{openApi.Spec}' does not exist");
            }

            if (openApi.BaseUrl is { } baseUrl && !IsHttpUrl(baseUrl))
            {
                context.Error($"{path}.openapi.baseUrl", $"'{baseUrl}' must be an absolute http(s) URL");
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex TargetName();
}
