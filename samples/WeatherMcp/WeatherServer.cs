using AgentGateway.Samples.Common;
using AgentGateway.Samples.WeatherMcp.Data;
using AgentGateway.Samples.WeatherMcp.Prompts;
using AgentGateway.Samples.WeatherMcp.Resources;
using AgentGateway.Samples.WeatherMcp.Tools;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Samples.WeatherMcp;

/// <summary>Composition of the weather MCP server; tests host it in-process through <see cref="Build"/>.</summary>
internal static class WeatherServer
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var catalog = CityCatalog.LoadBundled();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "weather-mcp", Title = "Weather (sample)", Version = "1.0.0" };
                options.ServerInstructions = "Weather for a fixed set of cities from a bundled dataset; call list_cities first.";
            })
            .WithHttpTransport(options =>
            {
                options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
                // Opt-in legacy HTTP+SSE transport (GET /mcp/sse, POST /mcp/message), so gateway targets with
                // `transport: sse` have a real server to talk to. Off by default: it has no request backpressure.
#pragma warning disable MCP9004 // Obsolete because of that; it is opt-in here, for trusted local clients only.
                options.EnableLegacySse = builder.Configuration.GetValue<bool>("Mcp:EnableLegacySse");
#pragma warning restore MCP9004
            })
            .WithTools([typeof(WeatherTools)])
            .WithPrompts([typeof(WeatherPrompts)])
            .WithResources([typeof(WeatherResources)])
            .WithCompleteHandler((context, _) =>
            {
                // City names complete both the forecast prompt's "city" and the template's "name".
                var argument = context.Params?.Argument;
                var values = argument?.Name is "city" or "name" ? catalog.Complete(argument.Value).ToList() : [];
                return ValueTask.FromResult(new CompleteResult
                {
                    Completion = new Completion { Values = values, Total = values.Count, HasMore = false },
                });
            });

        var app = builder.Build();
        app.UseLocalOriginGuard("/mcp", app.Configuration["Mcp:AllowedHosts"]);
        app.MapGet("/health", () => Results.Text("Healthy"));
        app.MapMcp("/mcp");
        return app;
    }
}
