using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>The bytes of translated streams follow DESIGN.md §5 exactly.</summary>
public class WireFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> DataLines(string sse) =>
        [.. sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n').Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..])];

    [Fact]
    public async Task TranslatedOpenAiStream_FinishReasonOnlyOnLastChoiceChunk_UsageChunkThenDone()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "anthropic", mock.BaseUrl, "[claude-x]")));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"claude-x","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"alpha beta gamma"}]}"""), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var data = DataLines(body);
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonDocument.Parse(d).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        var choiceChunks = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0).ToList();
        Assert.All(choiceChunks[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind));
        Assert.Equal("stop", choiceChunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal("assistant", choiceChunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var text = string.Concat(choiceChunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : ""));
        Assert.Equal("alpha beta gamma", text);
        var last = chunks[^1];
        Assert.Equal(0, last.GetProperty("choices").GetArrayLength());
        Assert.Equal(3, last.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.All(chunks[..^1], c => Assert.False(c.TryGetProperty("usage", out _)));
    }

    [Fact]
    public async Task TranslatedOpenAiStream_WithoutIncludeUsage_HasNoUsageChunk()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "anthropic", mock.BaseUrl, "[claude-x]")));

        var body = await (await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"claude-x","stream":true,"messages":[{"role":"user","content":"alpha"}]}"""), Ct)).Content.ReadAsStringAsync(Ct);

        var data = DataLines(body);
        Assert.Equal("[DONE]", data[^1]);
        Assert.All(data[..^1], d => Assert.Equal(1, JsonDocument.Parse(d).RootElement.GetProperty("choices").GetArrayLength()));
    }

    [Fact]
    public async Task TranslatedAnthropicStream_HasEventSequence()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai", mock.BaseUrl, "[gpt-x]")));

        var body = await (await gw.CreateClient().PostAsync("/v1/messages",
            Json("""{"model":"gpt-x","max_tokens":20,"stream":true,"messages":[{"role":"user","content":"one two"}]}"""), Ct)).Content.ReadAsStringAsync(Ct);

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]["event: ".Length..]).ToList();
        Assert.Equal("message_start", events[0]);
        Assert.Equal("content_block_start", events[1]);
        Assert.All(events[2..^3], e => Assert.Equal("content_block_delta", e));
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], events[^3..]);
    }

    [Fact]
    public async Task Passthrough_AliasRewritesOnlyModel_UnknownFieldsSurvive()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[gpt-4o*]") + "\naliases: { fast: gpt-4o-mini }"));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"fast","vendor_extension":{"a":[1,2]},"messages":[{"role":"user","content":"hi","name":"u1"}]}"""), Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("gpt-4o-mini", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("model").GetString());
        Assert.StartsWith("req_mock", response.Headers.GetValues("x-request-id").Single(), StringComparison.Ordinal);
        var forwarded = JsonDocument.Parse(Assert.Single(mock.Requests).Body).RootElement;
        Assert.Equal("gpt-4o-mini", forwarded.GetProperty("model").GetString());
        Assert.Equal(2, forwarded.GetProperty("vendor_extension").GetProperty("a")[1].GetInt32());
        Assert.Equal("u1", forwarded.GetProperty("messages")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Passthrough_WithoutRewrite_ForwardsTheExactBytes()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[mock-gpt]")));
        const string body = "{ \"model\" : \"mock-gpt\",\n  \"messages\": [{\"role\":\"user\",\"content\":\"exact\"}], \"zz\": 1.50 }";

        await gw.CreateClient().PostAsync("/v1/chat/completions", Json(body), Ct);

        Assert.Equal(body, Assert.Single(mock.Requests).Body);
    }

    [Fact]
    public async Task Wildcard_RoutesToTheMatchingProvider()
    {
        await using var openai = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var claude = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n"
            + Provider("openai", "openai", openai.BaseUrl, "[gpt-*]") + "\n"
            + Provider("claude", "anthropic", claude.BaseUrl, "[claude-*]")));

        await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"claude-3-5-haiku","messages":[{"role":"user","content":"x"}]}"""), Ct);
        await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"gpt-4.1","messages":[{"role":"user","content":"x"}]}"""), Ct);

        Assert.Equal("/v1/messages", Assert.Single(claude.Requests).Path);
        Assert.Equal("/v1/chat/completions", Assert.Single(openai.Requests).Path);
    }
}
