using AgentGateway.Samples.ConformanceMcp.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Samples.ConformanceMcp.Handlers;

/// <summary>Protocol handlers that are not tools, prompts or resources: subscribe, completion, logging level.</summary>
internal static class ConformanceHandlers
{
    private static readonly string[] ArgumentSuggestions = ["paris", "park", "party", "test", "testValue1", "testValue2"];

    public static IMcpServerBuilder WithConformanceHandlers(this IMcpServerBuilder builder) => builder
        .WithSubscribeToResourcesHandler((context, _) =>
        {
            var state = context.Services!.GetRequiredService<WatchedResourceState>();
            state.Subscribe(RequireSession(context.Server.SessionId), RequireUri(context.Params?.Uri));
            return ValueTask.FromResult(new EmptyResult());
        })
        .WithUnsubscribeFromResourcesHandler((context, _) =>
        {
            var state = context.Services!.GetRequiredService<WatchedResourceState>();
            state.Unsubscribe(RequireSession(context.Server.SessionId), RequireUri(context.Params?.Uri));
            return ValueTask.FromResult(new EmptyResult());
        })
        .WithCompleteHandler((context, _) =>
        {
            var prefix = context.Params?.Argument.Value ?? "";
            var values = ArgumentSuggestions.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            return ValueTask.FromResult(new CompleteResult
            {
                Completion = new Completion { Values = values, Total = values.Count, HasMore = false },
            });
        })
        // The SDK records the level on the session itself; registering a handler is what advertises
        // the logging capability and lets tools filter their notifications by it.
        .WithSetLoggingLevelHandler((_, _) => ValueTask.FromResult(new EmptyResult()));

    private static string RequireSession(string? sessionId) =>
        sessionId ?? throw new McpProtocolException("Subscriptions need a stateful session.", McpErrorCode.InvalidRequest);

    private static string RequireUri(string? uri) =>
        string.IsNullOrEmpty(uri) ? throw new McpProtocolException("Missing uri.", McpErrorCode.InvalidParams) : uri;
}
