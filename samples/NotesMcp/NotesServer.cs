using AgentGateway.Samples.Common;
using AgentGateway.Samples.NotesMcp.Data;
using AgentGateway.Samples.NotesMcp.Prompts;
using AgentGateway.Samples.NotesMcp.Resources;
using AgentGateway.Samples.NotesMcp.Tools;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Samples.NotesMcp;

/// <summary>Composition of the notes MCP server; tests host it in-process through <see cref="Build"/>.</summary>
internal static class NotesServer
{
    /// <param name="args">Command line (e.g. --urls).</param>
    /// <param name="configure">Lets a host (tests) add services or logging before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NoteStore>();
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "notes-mcp", Title = "Notes (sample)", Version = "1.0.0" };
                options.ServerInstructions = "An in-memory knowledge base. Notes are resources notes://{id}.";
            })
            // Stateful sessions: sampling and elicitation are server-to-client requests, which need one.
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients)
            .WithTools([typeof(NoteTools), typeof(ReindexTool), typeof(ClientAssistedTools)])
            .WithPrompts([typeof(NotePrompts)])
            .WithResources([typeof(NoteResources)]);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseLocalOriginGuard(app.Configuration["Mcp:AllowedHosts"]);
        app.MapGet("/health", () => Results.Text("Healthy"));
        app.MapMcp("/mcp");
        return app;
    }
}
