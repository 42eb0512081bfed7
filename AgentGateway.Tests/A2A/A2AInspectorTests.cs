using System.Text;
using System.Text.Json;
using AgentGateway.A2A;

namespace AgentGateway.Tests.A2A;

public class A2AInspectorTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"kind":"task","id":"t1","contextId":"c1","status":{"state":"completed"}}}""", "completed")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_INPUT_REQUIRED"}}}}""", "input-required")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"statusUpdate":{"taskId":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING"}}}}""", "working")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"kind":"status-update","taskId":"t1","contextId":"c1","status":{"state":"canceled"},"final":true}}""", "canceled")]
    [InlineData("""{"task":{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_FAILED"}}}""", "failed")]
    public void InspectResponse_ReadsTaskContextAndStateOfBothVersions(string json, string state)
    {
        var info = new A2ACallInfo("agent", "m", "jsonrpc");

        A2AInspector.InspectResponse(Encoding.UTF8.GetBytes(json), info);

        Assert.Equal("t1", info.TaskId);
        Assert.Equal("c1", info.ContextId);
        Assert.Equal(state, info.TaskState);
        Assert.False(info.AgentError);
    }

    [Fact]
    public void InspectResponse_JsonRpcError_IsMarked()
    {
        var info = new A2ACallInfo("agent", "m", "jsonrpc");

        A2AInspector.InspectResponse("""{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"no"}}"""u8, info);

        Assert.True(info.AgentError);
        Assert.Null(info.TaskState);
    }

    [Fact]
    public void InspectResponse_NotJson_IsIgnored()
    {
        var info = new A2ACallInfo("agent", "m", "jsonrpc");

        A2AInspector.InspectResponse("<html>"u8, info);

        Assert.Null(info.TaskId);
    }

    [Fact]
    public void InspectParams_ReadsIdsFromMessageOrTaskParams()
    {
        var send = new A2ACallInfo("agent", "message/send", "jsonrpc");
        A2AInspector.InspectParams(JsonDocument.Parse("""{"message":{"taskId":"t9","contextId":"c9","parts":[]}}""").RootElement, send);
        var get = new A2ACallInfo("agent", "tasks/get", "jsonrpc");
        A2AInspector.InspectParams(JsonDocument.Parse("""{"id":"t3"}""").RootElement, get);

        Assert.Equal(("t9", "c9"), (send.TaskId, send.ContextId));
        Assert.Equal("t3", get.TaskId);
    }
}
