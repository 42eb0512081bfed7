using System.Text;
using AgentGateway.Llm.Cache;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>Only whole, successful answers are stored: streams must end with their API's closing event and carry no error.</summary>
public class CompleteAnswerTests
{
    private static bool Check(string operation, string contentType, string body) => CompleteAnswer.Check(operation, contentType, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("chat/completions", "data: {\"choices\":[]}\n\ndata: [DONE]\n\n")]
    [InlineData("chat/completions", "data: {\"choices\":[]}\r\n\r\ndata: [DONE]\r\n\r\n")]
    [InlineData("messages", "event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")]
    [InlineData("responses", "event: response.created\ndata: {}\n\nevent: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"error\":null}}\n\n")]
    public void CompleteStreams_AreStored(string operation, string sse) => Assert.True(Check(operation, "text/event-stream", sse));

    [Theory]
    [InlineData("chat/completions", "data: {\"choices\":[]}\n\n")] // cut before [DONE]
    [InlineData("chat/completions", "data: {\"choices\":[]}\n\ndata: {\"error\":{\"message\":\"The provider stream ended unexpectedly.\"}}\n\n")]
    [InlineData("chat/completions", "data: {\"error\":{\"message\":\"x\"}}\n\ndata: [DONE]\n\n")] // an error, even if [DONE] follows
    [InlineData("messages", "event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{}}\n\n")]
    [InlineData("messages", "event: message_start\ndata: {\"type\":\"message_start\"}\n\n")]
    [InlineData("responses", "event: response.created\ndata: {}\n\nevent: response.failed\ndata: {}\n\n")]
    [InlineData("chat/completions", "")]
    public void PartialOrErroredStreams_AreNot(string operation, string sse) => Assert.False(Check(operation, "text/event-stream", sse));

    [Fact]
    public void JsonAnswers_MustBeWholeObjectsWithoutAnError()
    {
        Assert.True(Check("chat/completions", "application/json; charset=utf-8", """{"id":"chatcmpl-1","choices":[]}"""));
        Assert.True(Check("responses", "application/json", """{"id":"resp_1","error":null}"""));
        Assert.False(Check("chat/completions", "application/json", """{"id":"chatcmpl-1","choi"""));
        Assert.False(Check("chat/completions", "application/json", """{"error":{"message":"no"}}"""));
        Assert.False(Check("messages", "application/json", """{"type":"error","error":{}}"""));
        Assert.False(Check("chat/completions", "text/plain", "ok"));
    }
}
