using AgentGateway.Configuration;

namespace AgentGateway.Hosting;

/// <summary>Builds a ready-to-run gateway from command-line arguments (used by Program and by tests).</summary>
public static class GatewayApp
{
    /// <summary>
    /// Builds the app and loads its config. On invalid config returns the errors and no app.
    /// <paramref name="configure"/> lets tests adjust the builder.
    /// </summary>
    public static (WebApplication? App, IReadOnlyList<ConfigError> Errors) Build(GatewayCommandLine commandLine, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root = the app's folder, not the working directory: appsettings.json (log levels) must be
        // found wherever the gateway is started from. The config file path stays relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = commandLine.HostArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddServiceDefaults();
        builder.AddAgentGateway(commandLine);
        configure?.Invoke(builder);
        var app = builder.Build();
        var errors = app.LoadGatewayConfig();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        app.MapAgentGateway();
        return (app, []);
    }
}
