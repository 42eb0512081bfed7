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
        var catalog = CityCatalog.LoadBundled();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "weather-mcp", Title = "Weather (sample)", Version = "1.0.0" };
                options.ServerInstructions = "Weather for a fixed set of cities from a bundled dataset; call list_cities first.";
            })
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients)
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
        app.UseLocalOriginGuard(app.Configuration["Mcp:AllowedHosts"]);
        app.MapGet("/health", () => Results.Text("Healthy"));
        app.MapMcp("/mcp");
        return app;
    }
}
