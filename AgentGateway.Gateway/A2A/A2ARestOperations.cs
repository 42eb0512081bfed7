using AgentGateway.A2A.Protocol;

namespace AgentGateway.A2A;

/// <summary>
/// Names a REST (HTTP+JSON) call by its v1.0 method, so one authorization policy and one metric cover both
/// bindings. Handles the v1.0 paths (<c>/message:send</c>, optionally under a tenant segment) and the v0.3 ones
/// (<c>/v1/message:send</c>).
/// </summary>
internal static class A2ARestOperations
{
    public static (string Method, string? TaskId) Identify(string httpMethod, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tasks = Array.FindIndex(segments, s => s.StartsWith("tasks", StringComparison.Ordinal));
        var last = segments.Length > 0 ? segments[^1] : "";

        if (last.EndsWith("message:send", StringComparison.Ordinal))
        {
            return (A2AMethods.SendMessage, null);
        }

        if (last.EndsWith("message:stream", StringComparison.Ordinal))
        {
            return (A2AMethods.SendStreamingMessage, null);
        }

        if (last is "card" or "extendedAgentCard")
        {
            return (A2AMethods.GetExtendedAgentCard, null);
        }

        if (tasks < 0)
        {
            return (httpMethod.ToUpperInvariant() + " " + path, null);
        }

        if (tasks == segments.Length - 1)
        {
            // "/tasks" lists; "/tasks/{id}:cancel" style ops always have an id segment after "tasks".
            return (A2AMethods.ListTasks, null);
        }

        var idSegment = segments[tasks + 1];
        var colon = idSegment.IndexOf(':', StringComparison.Ordinal);
        var taskId = Uri.UnescapeDataString(colon < 0 ? idSegment : idSegment[..colon]);
        var verb = colon < 0 ? "" : idSegment[(colon + 1)..];
        if (segments.Length > tasks + 2)
        {
            var push = HttpMethods.IsDelete(httpMethod) ? A2AMethods.DeleteTaskPushNotificationConfig
                : HttpMethods.IsPost(httpMethod) ? A2AMethods.CreateTaskPushNotificationConfig
                : segments.Length > tasks + 3 ? A2AMethods.GetTaskPushNotificationConfig : A2AMethods.ListTaskPushNotificationConfigs;
            return (push, taskId);
        }

        return verb switch
        {
            "cancel" => (A2AMethods.CancelTask, taskId),
            "subscribe" => (A2AMethods.SubscribeToTask, taskId),
            _ => (A2AMethods.GetTask, taskId),
        };
    }
}
