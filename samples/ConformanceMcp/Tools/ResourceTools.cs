using System.ComponentModel;
using AgentGateway.Samples.ConformanceMcp.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.ConformanceMcp.Tools;

/// <summary>Changes the watched resource so subscriptions can be observed end to end (e.g. through a gateway).</summary>
[McpServerToolType]
internal static class ResourceTools
{
    [McpServerTool(Name = "test_update_watched_resource", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Replaces the text of test://watched-resource and notifies the calling session if it subscribed.")]
    public static async Task<string> UpdateWatchedResource(
        McpServer server,
        WatchedResourceState state,
        [Description("The new text of the resource")] string text,
        CancellationToken cancellationToken)
    {
        state.Update(text);
        if (!state.IsSubscribed(server.SessionId, WatchedResourceState.Uri))
        {
            return "Updated; this session is not subscribed.";
        }

        await server.SendNotificationAsync(
            NotificationMethods.ResourceUpdatedNotification,
            new ResourceUpdatedNotificationParams { Uri = WatchedResourceState.Uri },
            cancellationToken: cancellationToken);
        return "Updated; notifications/resources/updated sent.";
    }
}
