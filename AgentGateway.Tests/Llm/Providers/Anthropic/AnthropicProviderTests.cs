using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Llm;
using AgentGateway.Llm.Providers;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.Providers.Anthropic;

/// <summary>
/// Translation to an <c>anthropic</c> provider through the gateway's own Messages API client: what it sends
/// upstream, and how the upstream's events, usage, stop reasons and errors reach an OpenAI-format client.
/// </summary>
public class AnthropicProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> GatewayAsync(Uri upstream) =>
        TestGateway.StartAsync(Yaml("providers:\n" + Provider("claude", "anthropic", upstream, "[claude-*]")));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public void ChatClient_ForAnthropicProvider_IsTheGatewaysOwnMessagesClient()
    {
        var provider = new LlmProvider("b", new LlmProviderConfig { Name = "claude", Type = "anthropic", BaseUrl = "http://127.0.0.1:1" }, new HttpClientHandler(), new ProviderHealth(TimeProvider.System));

        Assert.IsType<AgentGateway.Llm.Providers.Anthropic.AnthropicChatClient>(provider.ChatClient("claude-x"));
    }

    [Fact]
    public async Task OpenAiSdk_TextStreamingAndTools_ReachMessagesApiWithVersionAndKey()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock.BaseUrl);

        await SdkChecks.OpenAiAsync(gw, "claude-x");
        await SdkChecks.OpenAiToolsAsync(gw, "claude-x");

        Assert.All(mock.Requests, r =>
        {
            Assert.Equal("/v1/messages", r.Path);
            Assert.Equal("2026-10-21", r.Headers["anthropic-version"]);
            Assert.Equal("upstream-key-claude", r.Headers["x-api-key"]);
            Assert.Equal(4096, JsonDocument.Parse(r.Body).RootElement.GetProperty("max_tokens").GetInt32());
        });
        var streamed = JsonDocument.Parse(mock.Requests[1].Body).RootElement;
        Assert.True(streamed.GetProperty("stream").GetBoolean());
        var withTools = JsonDocument.Parse(mock.Requests[^1].Body).RootElement;
        var tool = Assert.Single(withTools.GetProperty("tools").EnumerateArray());
        Assert.Equal("lookup", tool.GetProperty("name").GetString());
        Assert.Equal("integer", tool.GetProperty("input_schema").GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
    }

    [Fact]
    public async Task TranslatedRequest_CarriesSystemSamplingStopsToolChoiceAndImage()
    {
        await using var upstream = await ScriptedMessagesServer.StartAsync("""{"id":"msg_1","type":"message","role":"assistant","model":"claude-x","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":1}}""");
        await using var gw = await GatewayAsync(upstream.BaseUrl);

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""
            {"model":"claude-x","max_tokens":77,"temperature":0.25,"top_p":0.5,"stop":["END"],
             "messages":[{"role":"system","content":"be brief"},
                         {"role":"user","content":[{"type":"text","text":"what is this"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
                         {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\"id\":7}"}}]},
                         {"role":"tool","tool_call_id":"call_1","content":"found"}],
             "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object","properties":{"id":{"type":"integer"}}}}}],
             "tool_choice":{"type":"function","function":{"name":"lookup"}}}
            """), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonDocument.Parse(Assert.Single(upstream.Requests).Body).RootElement;
        Assert.Equal("claude-x", sent.GetProperty("model").GetString());
        Assert.Equal(77, sent.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.25, sent.GetProperty("temperature").GetDouble());
        Assert.Equal(0.5, sent.GetProperty("top_p").GetDouble());
        Assert.Equal(["END"], sent.GetProperty("stop_sequences").EnumerateArray().Select(s => s.GetString()));
        Assert.False(sent.TryGetProperty("stream", out _));
        Assert.Equal("be brief", Assert.Single(sent.GetProperty("system").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("""{"type":"tool","name":"lookup"}""", sent.GetProperty("tool_choice").GetRawText());

        var messages = sent.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var image = messages[0].GetProperty("content")[1];
        Assert.Equal("""{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}""", image.GetRawText());
        var toolUse = Assert.Single(messages[1].GetProperty("content").EnumerateArray());
        Assert.Equal("""{"type":"tool_use","id":"call_1","name":"lookup","input":{"id":7}}""", toolUse.GetRawText());
        var toolResult = Assert.Single(messages[2].GetProperty("content").EnumerateArray());
        Assert.Equal("call_1", toolResult.GetProperty("tool_use_id").GetString());
        Assert.Equal("found", toolResult.GetProperty("content").GetString());
    }

    [Fact]
    public async Task TranslatedStream_ToolCallDeltasCacheUsageAndStopReason_ReachOpenAiClient()
    {
        await using var upstream = await ScriptedMessagesServer.StartAsync(ScriptedMessagesServer.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","model":"claude-x","content":[],"stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":5,"cache_read_input_tokens":30,"output_tokens":1}}}"""),
            ("ping", """{"type":"ping"}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            ("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_9","name":"weather","input":{}}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"ci"}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ty\": \"Par"}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"is\"}"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":1}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":7}}"""),
            ("message_stop", """{"type":"message_stop"}""")));
        await using var gw = await GatewayAsync(upstream.BaseUrl);

        var chunks = await StreamChunksAsync(gw, """{"model":"claude-x","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"weather?"}]}""");

        var deltas = chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray()).Select(c => c.GetProperty("delta")).ToList();
        Assert.Equal("Checking", string.Concat(deltas.Select(d => d.TryGetProperty("content", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "")));
        var calls = deltas.Where(d => d.TryGetProperty("tool_calls", out _)).SelectMany(d => d.GetProperty("tool_calls").EnumerateArray()).ToList();
        Assert.Equal("toolu_9", calls.Select(c => c.TryGetProperty("id", out var id) ? id.GetString() : null).First(id => id is not null));
        Assert.Equal("weather", calls.Select(c => c.GetProperty("function")).Select(f => f.TryGetProperty("name", out var n) ? n.GetString() : null).First(n => n is not null));
        var arguments = string.Concat(calls.Select(c => c.GetProperty("function").TryGetProperty("arguments", out var a) ? a.GetString() : ""));
        Assert.Equal("Paris", JsonDocument.Parse(arguments).RootElement.GetProperty("city").GetString());
        var finish = chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray())
            .Select(c => c.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null).Single(f => f is not null);
        Assert.Equal("length", finish);
        var usage = chunks.Select(c => c.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : (JsonElement?)null).Single(u => u is not null)!.Value;
        Assert.Equal(45, usage.GetProperty("prompt_tokens").GetInt32()); // input + cache writes + cache reads
        Assert.Equal(7, usage.GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task ErrorEventMidStream_EndsClientStreamWithErrorAndNoDone()
    {
        await using var upstream = await ScriptedMessagesServer.StartAsync(ScriptedMessagesServer.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_e1","type":"message","role":"assistant","model":"claude-x","content":[],"stop_reason":null,"usage":{"input_tokens":3,"output_tokens":1}}}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"partial"}}"""),
            ("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""")));
        await using var gw = await GatewayAsync(upstream.BaseUrl);

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"claude-x","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("partial", text, StringComparison.Ordinal);
        Assert.Contains("data: {\"error\"", text, StringComparison.Ordinal);
        Assert.Contains("The provider stream ended unexpectedly.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorEventBeforeAnyContent_IsAFailedCall()
    {
        await using var upstream = await ScriptedMessagesServer.StartAsync(ScriptedMessagesServer.Sse(
            ("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""")));
        await using var gw = await GatewayAsync(upstream.BaseUrl);

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"claude-x","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Equal("All providers failed. The provider call failed.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task UpstreamBadRequest_ReachesClientAs400WithTheProvidersMessage()
    {
        const string body = """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: too large"}}""";
        await using var upstream = await ScriptedMessagesServer.StartAsync(body, status: 400);
        await using var gw = await GatewayAsync(upstream.BaseUrl);

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"claude-x","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Equal("The provider rejected the request: Status Code: BadRequest\n" + body, error.GetProperty("message").GetString());
    }

    private static async Task<List<JsonElement>> StreamChunksAsync(TestGateway gw, string body)
    {
        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json(body), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data: [DONE]", text, StringComparison.Ordinal);
        return [.. text.Split('\n')
            .Where(l => l.StartsWith("data: {", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l["data: ".Length..]).RootElement)];
    }
}
