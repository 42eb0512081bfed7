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
    /// <summary>What no target offers (every target's capabilities known); None while some target is unknown.</summary>
    [Flags]
    public enum Absent
    {
        None = 0,
        Prompts = 1,
        Resources = 2,
        Subscribe = 4,
        Completions = 8,
    }

    public static Absent Of(IReadOnlyCollection<ServerCapabilities?> targets)
    {
        if (targets.Count == 0 || targets.Any(static t => t is null))
        {
            return Absent.None;
        }

        var absent = Absent.None;
        if (targets.All(static t => t!.Prompts is null))
        {
            absent |= Absent.Prompts;
        }

        if (targets.All(static t => t!.Resources is null))
        {
            absent |= Absent.Resources;
        }
        else if (targets.All(static t => t!.Resources?.Subscribe is not true))
        {
            absent |= Absent.Subscribe;
        }

        if (targets.All(static t => t!.Completions is null))
        {
            absent |= Absent.Completions;
        }

        return absent;
    }

    /// <summary>Withdraws what is absent: the capability and its handlers (the SDK then answers "method not found").</summary>
    public static void Apply(McpServerOptions options, Absent absent)
    {
        if (absent == Absent.None)
        {
            return;
        }

        var handlers = options.Handlers;
        var capabilities = options.Capabilities ??= new ServerCapabilities();
        if (absent.HasFlag(Absent.Prompts))
        {
            capabilities.Prompts = null;
            handlers.ListPromptsHandler = null;
            handlers.GetPromptHandler = null;
        }

        if (absent.HasFlag(Absent.Resources))
        {
            capabilities.Resources = null;
            handlers.ListResourcesHandler = null;
            handlers.ListResourceTemplatesHandler = null;
            handlers.ReadResourceHandler = null;
            handlers.SubscribeToResourcesHandler = null;
            handlers.UnsubscribeFromResourcesHandler = null;
        }
        else if (absent.HasFlag(Absent.Subscribe))
        {
            capabilities.Resources!.Subscribe = false;
            handlers.SubscribeToResourcesHandler = null;
            handlers.UnsubscribeFromResourcesHandler = null;
        }

        if (absent.HasFlag(Absent.Completions))
        {
            capabilities.Completions = null;
            handlers.CompleteHandler = null;
        }
    }
}
