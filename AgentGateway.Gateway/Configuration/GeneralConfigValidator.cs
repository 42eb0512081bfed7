namespace AgentGateway.Configuration;

/// <summary>Checks the top-level sections that belong to no feature: listeners, admin, sessions, telemetry, limits.</summary>
internal sealed class GeneralConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        for (var i = 0; i < config.Listeners.Count; i++)
        {
            var listener = config.Listeners[i];
            if (!Uri.TryCreate(listener.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                context.Error($"listeners[{i}].url", $"'{listener.Url}' is not an absolute http(s) URL");
            }
            else if (uri.Scheme == "https" && listener.Certificate is null)
            {
                context.Error($"listeners[{i}].certificate", "an https listener needs a certificate");
            }

            if (listener.Certificate is { } cert && !File.Exists(context.ResolvePath(cert.Path)))
            {
                context.Error($"listeners[{i}].certificate.path", $"file '{cert.Path}' not found");
            }
        }

        if (config.Admin.Url.Length > 0 && (!Uri.TryCreate(config.Admin.Url, UriKind.Absolute, out var admin) || admin.Scheme != "http"))
        {
            context.Error("admin.url", $"'{config.Admin.Url}' is not an absolute http URL (use \"\" to turn the admin API off)");
        }
        else
        {
            ValidateAdminAccess(config, context);
        }

        if (config.PublicUrl is { Length: > 0 } publicUrl
            && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var pub) || pub.Scheme is not ("http" or "https")
                || pub.UserInfo.Length > 0 || pub.Query.Length > 0 || pub.Fragment.Length > 0))
        {
            context.Error("publicUrl", $"'{publicUrl}' is not an absolute http(s) URL without user, query or fragment");
        }

        if (config.Sessions.Store is not ("memory" or "redis"))
        {
            context.Error("sessions.store", $"'{config.Sessions.Store}' is not a session store (memory or redis)");
        }

        if (!Duration.TryParse(config.Sessions.Ttl, out _))
        {
            context.Error("sessions.ttl", $"'{config.Sessions.Ttl}' is not a duration (e.g. 30m)");
        }

        var fields = config.Telemetry.AccessLog.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!Telemetry.AccessLogConfig.AllFields.Contains(fields[i]))
            {
                context.Error($"telemetry.accessLog.fields[{i}]", $"unknown field '{fields[i]}' (known: {string.Join(", ", Telemetry.AccessLogConfig.AllFields)})");
            }
        }

        if (config.Limits.MaxRequestBodySize <= 0)
        {
            context.Error("limits.maxRequestBodySize", "must be a positive number of bytes");
        }
    }

    /// <summary>
    /// The admin API shows the config and can call routes: off loopback it must authenticate its callers, so an
    /// address reachable from elsewhere needs <c>admin.policy</c>, and that policy must name an authentication method.
    /// </summary>
    private static void ValidateAdminAccess(GatewayConfig config, ConfigValidationContext context)
    {
        if (config.Admin.Policy is { } name)
        {
            if (!config.Policies.TryGetValue(name, out var policy))
            {
                context.Error("admin.policy", $"no policy named '{name}'");
            }
            else if (policy.Authentication is null)
            {
                context.Error("admin.policy", $"policy '{name}' has no authentication block: the admin API needs one to check its callers");
            }
        }
        else if (config.Admin.Url.Length > 0 && !IsLoopback(config.Admin.Url))
        {
            context.Error("admin.policy", $"admin.url '{config.Admin.Url}' is reachable beyond this machine: name an authentication policy in admin.policy (or bind the admin API to 127.0.0.1)");
        }
    }

    private static bool IsLoopback(string url)
    {
        var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
        return address.IsUnixPipe || LoopbackHost.IsLoopback(address.Host);
    }
}
