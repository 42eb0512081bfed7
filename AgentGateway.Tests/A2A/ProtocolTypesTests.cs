using System.Text.Json;
using AgentGateway.A2A.Protocol;
using V03 = AgentGateway.A2A.Protocol.V03;
using V1 = AgentGateway.A2A.Protocol.V1;

namespace AgentGateway.Tests.A2A;

public class ProtocolTypesTests
{
    [Fact]
    public void V03Task_FromAnotherSdk_DeserializesPartsByKindEvenWhenKindIsNotFirst()
    {
        const string json = """
            {"kind":"task","id":"t1","contextId":"c1","status":{"state":"completed","timestamp":"2026-11-24T11:52:54.797Z"},
             "history":[{"role":"user","parts":[{"text":"hello","kind":"text"},{"data":{"a":1},"kind":"data"}],"messageId":"m3","kind":"message"}],
             "artifacts":[{"artifactId":"a1","parts":[{"kind":"file","file":{"uri":"https://x/y.png","mimeType":"image/png"}}]}],"extra":true}
            """;

        var task = JsonSerializer.Deserialize(json, V03JsonContext.Default.AgentTask)!;

        Assert.Equal(("t1", "c1", V03.TaskStates.Completed), (task.Id, task.ContextId, task.Status.State));
        var parts = task.History![0].Parts;
        Assert.Equal("hello", Assert.IsType<V03.TextPart>(parts[0]).Text);
        Assert.Equal(1, Assert.IsType<V03.DataPart>(parts[1]).Data.GetProperty("a").GetInt32());
        Assert.Equal("image/png", Assert.IsType<V03.FilePart>(task.Artifacts![0].Parts[0]).File.MimeType);
    }

    [Fact]
    public void V03Event_SerializesWithKindDiscriminators()
    {
        var ev = new V03.TaskStatusUpdateEvent
        {
            TaskId = "t", ContextId = "c", Final = true,
            Status = new V03.AgentTaskStatus { State = "completed", Message = new V03.Message { MessageId = "m", Role = "agent", Parts = [new V03.TextPart("done")] } },
        };

        var json = JsonSerializer.SerializeToElement(ev, V03JsonContext.Default.TaskStatusUpdateEvent);

        Assert.Equal("status-update", json.GetProperty("kind").GetString());
        Assert.Equal("text", json.GetProperty("status").GetProperty("message").GetProperty("parts")[0].GetProperty("kind").GetString());
        Assert.False(json.TryGetProperty("metadata", out _));
    }

    [Fact]
    public void V1StreamResponse_IsAOneofWithOnlyTheSetMember()
    {
        var response = new V1.StreamResponse
        {
            Task = new V1.AgentTask { Id = "t", ContextId = "c", Status = new V1.AgentTaskStatus { State = V1.TaskStates.Working } },
        };

        var json = JsonSerializer.SerializeToElement(response, V1JsonContext.Default.StreamResponse);

        Assert.Equal(["task"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TASK_STATE_WORKING", json.GetProperty("task").GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public void V1Card_KeepsUnknownFieldsThroughARoundTrip()
    {
        const string json = """
            {"name":"n","description":"d","version":"1","supportedInterfaces":[{"url":"http://a/","protocolBinding":"JSONRPC","protocolVersion":"1.0"}],
             "capabilities":{"streaming":true},"defaultInputModes":["text"],"defaultOutputModes":["text"],"skills":[],"futureField":{"x":1}}
            """;

        var card = JsonSerializer.Deserialize(json, V1JsonContext.Default.AgentCard)!;
        var back = JsonSerializer.SerializeToElement(card, V1JsonContext.Default.AgentCard);

        Assert.Equal(1, back.GetProperty("futureField").GetProperty("x").GetInt32());
        Assert.Equal("JSONRPC", card.SupportedInterfaces[0].ProtocolBinding);
    }

    [Theory]
    [InlineData("TASK_STATE_INPUT_REQUIRED", "input-required")]
    [InlineData("TASK_STATE_COMPLETED", "completed")]
    [InlineData("auth-required", "auth-required")]
    public void TaskStateNames_TranslateBetweenVersions(string v1OrV03, string v03)
    {
        Assert.Equal(v03, TaskStateNames.ToV03(v1OrV03));
        Assert.Equal(TaskStateNames.ToV1(v03), TaskStateNames.ToV1(v1OrV03));
    }

    [Theory]
    [InlineData("message/stream", true)]
    [InlineData("SubscribeToTask", true)]
    [InlineData("tasks/get", false)]
    [InlineData("SendMessage", false)]
    public void A2AMethods_KnowWhichMethodsStream(string method, bool streams)
    {
        Assert.Equal(streams, A2AMethods.IsStreaming(method));
    }
}
