using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The federated server's capabilities: the union of what the targets advertise. Tools are always offered (the
/// gateway's own errors and list changes travel through them). While some target has never connected its
/// capabilities are unknown, so everything stays advertised rather than hiding features that may appear.
/// </summary>
internal static class MergedCapabilities
{
    public static void Apply(McpServerOptions options, IReadOnlyCollection<ServerCapabilities?> targets)
    {
        if (targets.Count == 0 || targets.Any(static t => t is null))
        {
            return;
        }

        var handlers = options.Handlers;
        var capabilities = options.Capabilities ??= new ServerCapabilities();
        if (targets.All(static t => t!.Prompts is null))
        {
            capabilities.Prompts = null;
            handlers.ListPromptsHandler = null;
            handlers.GetPromptHandler = null;
        }

        if (targets.All(static t => t!.Resources is null))
        {
            capabilities.Resources = null;
            handlers.ListResourcesHandler = null;
            handlers.ListResourceTemplatesHandler = null;
            handlers.ReadResourceHandler = null;
            handlers.SubscribeToResourcesHandler = null;
            handlers.UnsubscribeFromResourcesHandler = null;
        }
        else if (targets.All(static t => t!.Resources?.Subscribe is not true))
        {
            capabilities.Resources!.Subscribe = false;
            handlers.SubscribeToResourcesHandler = null;
            handlers.UnsubscribeFromResourcesHandler = null;
        }

        if (targets.All(static t => t!.Completions is null))
        {
            capabilities.Completions = null;
            handlers.CompleteHandler = null;
        }
    }
}
