using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>Bad requests get each API's own error shape and a 4xx, never a 500.</summary>
public class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Backend = "providers:\n  - { name: local, type: mock, models: [mock-gpt, claude-*] }";

    public static TheoryData<string, int, string?> OpenAiCases => new()
    {
        { "{not json", 400, null },
        { "[1,2]", 400, null },
        { """{"messages":[{"role":"user","content":"x"}]}""", 400, "model" },
        { """{"model":42,"messages":[{"role":"user","content":"x"}]}""", 400, "model" },
        { """{"model":"mock-gpt","messages":"hello"}""", 400, "messages" },
        { """{"model":"mock-gpt","messages":[]}""", 400, "messages" },
        { """{"model":"mock-gpt","messages":[{"role":"wizard","content":"x"}]}""", 400, "messages[0].role" },
        { """{"model":"mock-gpt","messages":[{"role":"user","content":42}]}""", 400, "messages[0].content" },
        { """{"model":"mock-gpt","stream":"yes","messages":[{"role":"user","content":"x"}]}""", 400, "stream" },
        { """{"model":"mock-gpt","temperature":"hot","messages":[{"role":"user","content":"x"}]}""", 400, "temperature" },
        { """{"model":"mock-gpt","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"not a url"}}]}]}""", 400, null },
        { """{"model":"gpt-unknown","messages":[{"role":"user","content":"x"}]}""", 404, "model" },
    };

    [Theory]
    [MemberData(nameof(OpenAiCases))]
    public async Task ChatCompletions_BadInput_ReturnsOpenAiErrorShape(string body, int status, string? param)
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json(body), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }
    }

    [Fact]
    public async Task ChatCompletions_UnknownModel_Returns404ModelNotFound()
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("""{"model":"nope","messages":[{"role":"user","content":"x"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{oops", 400, "invalid_request_error")]
    [InlineData("""{"model":"claude-x","messages":[{"role":"user","content":"x"}]}""", 400, "invalid_request_error")]
    [InlineData("""{"model":"claude-x","max_tokens":5,"messages":{"role":"user"}}""", 400, "invalid_request_error")]
    [InlineData("""{"model":"unknown-model","max_tokens":5,"messages":[{"role":"user","content":"x"}]}""", 404, "not_found_error")]
    public async Task Messages_BadInput_ReturnsAnthropicErrorShape(string body, int status, string type)
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend));

        var response = await gw.CreateClient().PostAsync("/v1/messages", Json(body), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal(type, json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task OversizeChunkedBody_Returns413InApiShape()
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend) + "limits: { maxRequestBodySize: 1024 }\n");
        var big = "{\"model\":\"mock-gpt\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', 4096) + "\"}]}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))); // no Content-Length: chunked
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await gw.CreateClient().PostAsync("/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("request_too_large", json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task OversizeBodyWithContentLength_Returns413WithJsonError()
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend) + "limits: { maxRequestBodySize: 1024 }\n");

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json("{\"model\":\"mock-gpt\",\"x\":\"" + new string('a', 4096) + "\"}"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task OversizeBodyWithContentLength_OnMessages_Returns413InAnthropicShape()
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend) + "limits: { maxRequestBodySize: 1024 }\n");

        var response = await gw.CreateClient().PostAsync("/v1/messages", Json("{\"model\":\"mock-gpt\",\"x\":\"" + new string('a', 4096) + "\"}"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal("request_too_large", json.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/chat/completions", 405)]
    [InlineData("POST", "/v1/models", 405)]
    [InlineData("POST", "/v1/unknown", 404)]
    [InlineData("GET", "/v1/models/not-configured", 404)]
    public async Task WrongMethodOrPath_ReturnsJsonError(string method, string path, int status)
    {
        await using var gw = await TestGateway.StartAsync(Yaml(Backend));

        var response = await gw.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("{}") : null }, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.TryGetProperty("error", out _));
    }
}
