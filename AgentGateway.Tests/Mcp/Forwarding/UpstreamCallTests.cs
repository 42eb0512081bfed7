using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Forwarding;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>The forwarded request's body is written straight from the client's JSON, with the same <c>_meta</c> the SDK path sends.</summary>
public sealed class UpstreamCallTests
{
    [Theory]
    [InlineData("""{"progressToken":"p","note":{"a":[1,2]},"io.modelcontextprotocol/clientInfo":{"name":"c"},"traceparent":"00-11111111111111111111111111111111-2222222222222222-01","tracestate":"client=1"}""", true)]
    [InlineData("""{"note":1}""", false)]
    [InlineData("""{"progressToken":7}""", true)]
    [InlineData(null, false)]
    [InlineData(null, true)]
    public void Build_WritesTheMetaTheSdkPathSends_WithTheGatewaysProgressToken(string? clientMeta, bool withSpan)
    {
        var meta = clientMeta is null ? "" : ",\"_meta\":" + clientMeta;
        using var call = ForwardedRequest.TryRead(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"w_add","arguments":{"a":1}""" + meta + "}}"))) ?? throw new InvalidOperationException("not read");
        using var span = withSpan ? new Activity("forwarded").SetIdFormat(ActivityIdFormat.W3C).Start() : null;
        span?.TraceStateString = "gw=1";
        var token = call.ProgressToken is null ? null : "agw-x-1";

        var body = JsonNode.Parse(UpstreamCall.Build("agw-x-1", call, "add", token))!.AsObject();

        // The SDK path's reference: the client's _meta as a node through UpstreamMeta, plus the gateway's token.
        var expected = UpstreamMeta.FromClientMeta(call.Meta is { } m ? JsonObject.Create(m) : null);
        if (token is not null)
        {
            expected ??= [];
            expected["progressToken"] = token;
        }

        Assert.Equal("add", body["params"]!["name"]!.GetValue<string>());
        Assert.Equal("""{"a":1}""", body["params"]!["arguments"]!.ToJsonString());
        Assert.Equal(Sorted(expected), Sorted(body["params"]!["_meta"] as JsonObject));
        if (span is not null)
        {
            Assert.Equal(span.Id, body["params"]!["_meta"]!["traceparent"]!.GetValue<string>());
        }
    }

    [Fact]
    public void NewRequestId_IsUniqueAndNeverTheSdkPathsShape()
    {
        var ids = Enumerable.Range(0, 1000).AsParallel().Select(_ => UpstreamCall.NewRequestId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^agw-[0-9a-f]{12}-[0-9]+$", id));
    }

    private static string? Sorted(JsonObject? meta) =>
        meta is null ? null : string.Join(",", meta.Select(p => p.Key + "=" + p.Value?.ToJsonString()).Order(StringComparer.Ordinal));
}
