using System.Text;
using AgentGateway.Mcp.Forwarding;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>The target's answer is classified in one pass and only its top-level id is replaced; every other byte stays.</summary>
public sealed class UpstreamMessageTests
{
    [Fact]
    public void WithId_ReplacesOnlyTheTopLevelId_NestedIdsAndFormattingStay()
    {
        var json = Encoding.UTF8.GetBytes("""{ "result" : {"content":[{"type":"text","text":"{\"id\":\"agw-1\"}"}],"id":"agw-1","isError":false}, "id":"agw-1","jsonrpc":"2.0"}""");

        var message = UpstreamMessage.Read(json);
        var spliced = Encoding.UTF8.GetString(message.WithId(json, "\"client-7\""u8));

        Assert.Equal(UpstreamMessageKind.Response, message.Kind);
        Assert.Equal("agw-1", message.Id);
        Assert.False(message.ToolError);
        Assert.Equal("""{ "result" : {"content":[{"type":"text","text":"{\"id\":\"agw-1\"}"}],"id":"agw-1","isError":false}, "id":"client-7","jsonrpc":"2.0"}""", spliced);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"a","result":{"content":[],"isError":true}}""", "Response", true)]
    [InlineData("""{"jsonrpc":"2.0","id":"a","result":{"content":[{"isError":true}]}}""", "Response", false)]
    [InlineData("""{"jsonrpc":"2.0","id":"a","error":{"code":-32602,"message":"Unknown tool"}}""", "Error", false)]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"ping"}""", "Request", false)]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"a","progress":1}}""", "Notification", false)]
    [InlineData("""not json""", "Other", false)]
    [InlineData("""{"jsonrpc":"2.0","id":"a"}""", "Other", false)]
    public void Read_ClassifiesTheMessage(string json, string kind, bool toolError)
    {
        var message = UpstreamMessage.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(kind, message.Kind.ToString());
        Assert.Equal(toolError, message.ToolError);
    }
}
