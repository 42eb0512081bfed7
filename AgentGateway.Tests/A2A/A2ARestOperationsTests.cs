using AgentGateway.A2A;

namespace AgentGateway.Tests.A2A;

public class A2ARestOperationsTests
{
    [Theory]
    [InlineData("POST", "/message:send", "SendMessage", null)]
    [InlineData("POST", "/v1/message:stream", "SendStreamingMessage", null)]
    [InlineData("POST", "/acme/message:send", "SendMessage", null)]
    [InlineData("GET", "/tasks", "ListTasks", null)]
    [InlineData("GET", "/v1/tasks/t1", "GetTask", "t1")]
    [InlineData("POST", "/tasks/t1:cancel", "CancelTask", "t1")]
    [InlineData("GET", "/v1/tasks/t1:subscribe", "SubscribeToTask", "t1")]
    [InlineData("POST", "/tasks/t1/pushNotificationConfigs", "CreateTaskPushNotificationConfig", "t1")]
    [InlineData("GET", "/tasks/t1/pushNotificationConfigs", "ListTaskPushNotificationConfigs", "t1")]
    [InlineData("GET", "/tasks/t1/pushNotificationConfigs/p1", "GetTaskPushNotificationConfig", "t1")]
    [InlineData("DELETE", "/tasks/t1/pushNotificationConfigs/p1", "DeleteTaskPushNotificationConfig", "t1")]
    [InlineData("GET", "/extendedAgentCard", "GetExtendedAgentCard", null)]
    public void Identify_NamesRestCallsByTheirV1Method(string httpMethod, string path, string method, string? taskId)
    {
        Assert.Equal((method, taskId), A2ARestOperations.Identify(httpMethod, path));
    }
}
