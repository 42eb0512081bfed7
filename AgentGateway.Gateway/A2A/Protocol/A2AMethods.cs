namespace AgentGateway.A2A.Protocol;

/// <summary>JSON-RPC method names of both protocol versions.</summary>
internal static class A2AMethods
{
    // v0.3
    public const string MessageSend = "message/send";
    public const string MessageStream = "message/stream";
    public const string TasksGet = "tasks/get";
    public const string TasksCancel = "tasks/cancel";
    public const string TasksResubscribe = "tasks/resubscribe";
    public const string PushConfigSet = "tasks/pushNotificationConfig/set";
    public const string PushConfigGet = "tasks/pushNotificationConfig/get";
    public const string PushConfigList = "tasks/pushNotificationConfig/list";
    public const string PushConfigDelete = "tasks/pushNotificationConfig/delete";
    public const string GetAuthenticatedExtendedCard = "agent/getAuthenticatedExtendedCard";

    // v1.0
    public const string SendMessage = "SendMessage";
    public const string SendStreamingMessage = "SendStreamingMessage";
    public const string GetTask = "GetTask";
    public const string ListTasks = "ListTasks";
    public const string CancelTask = "CancelTask";
    public const string SubscribeToTask = "SubscribeToTask";
    public const string CreateTaskPushNotificationConfig = "CreateTaskPushNotificationConfig";
    public const string GetTaskPushNotificationConfig = "GetTaskPushNotificationConfig";
    public const string ListTaskPushNotificationConfigs = "ListTaskPushNotificationConfigs";
    public const string DeleteTaskPushNotificationConfig = "DeleteTaskPushNotificationConfig";
    public const string GetExtendedAgentCard = "GetExtendedAgentCard";

    /// <summary>Methods whose response is an SSE stream rather than one JSON body.</summary>
    public static bool IsStreaming(string method) =>
        method is MessageStream or TasksResubscribe or SendStreamingMessage or SubscribeToTask;
}
