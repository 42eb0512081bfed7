using System.Collections.Concurrent;
using AgentGateway.Mcp.Federation;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The SDK's server options for each new session. With <c>ConfigureSessionOptions</c> set, the SDK asks the options
/// factory for a fresh <see cref="McpServerOptions"/> per session and keeps it for the session's life; the default
/// factory re-runs every configure action for it (handlers, capabilities, filter lists, server info), kilobytes per
/// idle session. Here the default factory builds one template per capability shape (<see cref="MergedCapabilities"/>,
/// a handful at most), and each session gets a small copy that points at the template's handlers, filters and
/// capabilities. A copy still, not the template: the SDK writes per-session values into the options it is given
/// (the client's info when a session migrates, <c>ScopeRequests</c> when serving sessionless).
/// </summary>
internal sealed class SessionOptionsFactory(IOptionsFactory<McpServerOptions> templates, Func<MergedCapabilities.Absent> absentNow)
    : IOptionsFactory<McpServerOptions>
{
    private readonly ConcurrentDictionary<(string Name, MergedCapabilities.Absent Absent), McpServerOptions> _templates = new();

    public McpServerOptions Create(string name)
    {
        var template = _templates.GetOrAdd((name, absentNow()), static (key, factory) =>
        {
            var options = factory.Create(key.Name);
            MergedCapabilities.Apply(options, key.Absent);
            return options;
        }, templates);
        // Every settable property (a test compares them all, so an SDK update that adds one fails there, not here).
        return new McpServerOptions
        {
            ServerInfo = template.ServerInfo,
            Capabilities = template.Capabilities,
            Handlers = template.Handlers,
            Filters = template.Filters,
            ProtocolVersion = template.ProtocolVersion,
            InitializationTimeout = template.InitializationTimeout,
            ServerInstructions = template.ServerInstructions,
            ScopeRequests = template.ScopeRequests,
            KnownClientInfo = template.KnownClientInfo,
            KnownClientCapabilities = template.KnownClientCapabilities,
            ToolCollection = template.ToolCollection,
            PromptCollection = template.PromptCollection,
            ResourceCollection = template.ResourceCollection,
#pragma warning disable MCP9005, MCPEXP002 // copied as configured (sampling is forwarded for 2025-x clients; custom handlers stay as the SDK set them)
            MaxSamplingOutputTokens = template.MaxSamplingOutputTokens,
            RequestHandlers = template.RequestHandlers,
#pragma warning restore MCP9005, MCPEXP002
        };
    }
}
