using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Responses;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

// OPENAI001: the SDK marks its Responses client experimental; it is the real client this endpoint must serve.
#pragma warning disable OPENAI001

namespace AgentGateway.Tests.Llm;

/// <summary><c>POST /responses</c>: passthrough to OpenAI-style providers, translation (streaming and not) otherwise.</summary>
public class ResponsesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ResponsesClient Client(TestGateway gw) =>
        new(new ApiKeyCredential(ClientKey), new ResponsesClientOptions { Endpoint = new Uri(gw.BaseAddress, "/v1") });

    [Fact]
    public async Task Responses_Passthrough_StreamingAndNot()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai", mock.BaseUrl, "[gpt-*]")));

        ResponseResult result = await Client(gw).CreateResponseAsync("gpt-5", "responses passthrough", null, Ct);
        var streamed = new StringBuilder();
        await foreach (var update in await Client(gw).CreateResponseStreamingAsync("gpt-5", "streamed responses", null, Ct))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                streamed.Append(delta.Delta);
            }
        }

        Assert.Equal("responses passthrough", result.GetOutputText());
        Assert.Equal(2, result.Usage.OutputTokenCount);
        Assert.Equal("streamed responses", streamed.ToString());
        Assert.All(mock.Requests, r => Assert.Equal("/v1/responses", r.Path));
    }

    [Fact]
    public async Task Responses_TranslatedToAnthropic_NonStreaming()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("claude", "anthropic", mock.BaseUrl, "[claude-*]")));

        ResponseResult result = await Client(gw).CreateResponseAsync("claude-x", "responses to messages", null, Ct);

        Assert.Equal("responses to messages", result.GetOutputText());
        Assert.Equal(3, result.Usage.OutputTokenCount);
        Assert.Equal("/v1/messages", Assert.Single(mock.Requests).Path);
    }

    [Fact]
    public async Task Responses_TranslatedStreaming_ParsesInSdk_WithToolCall()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("claude", "anthropic", mock.BaseUrl, "[claude-*]")));

        var text = new StringBuilder();
        ResponseResult? completed = null;
        await foreach (var update in await Client(gw).CreateResponseStreamingAsync("claude-x", "translated responses stream", null, Ct))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                text.Append(delta.Delta);
            }
            else if (update is StreamingResponseCompletedUpdate done)
            {
                completed = done.Response;
            }
        }

        var raw = await (await gw.CreateClient().PostAsync("/v1/responses", Json("""{"model":"claude-x","stream":true,"input":"call tool find with {\"q\":\"x\"}","tools":[{"type":"function","name":"find","parameters":{"type":"object"}}]}"""), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal("translated responses stream", text.ToString());
        Assert.NotNull(completed);
        Assert.Equal("translated responses stream", completed.GetOutputText());
        Assert.Equal(3, completed.Usage.OutputTokenCount);
        Assert.Contains("event: response.function_call_arguments.done", raw, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"find\"", raw, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", raw, StringComparison.Ordinal);
        Assert.Contains("event: response.completed", raw, StringComparison.Ordinal);
    }
}
