using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using MockLlm;
using OpenAI.Chat;
using OpenAI.Responses;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.SecurityProbe;

// OPENAI001: the SDK marks its Responses client experimental; it is the real client the endpoint must serve.
#pragma warning disable OPENAI001

/// <summary>
/// Issue 22, item 5: a request guard must see every string the provider receives — the Responses API's
/// <c>instructions</c>, <c>messages[].name</c>, tool descriptions, tool calls and results, Anthropic <c>system</c> —
/// not only message text. Each test shows the SSN was refused before any provider call, or never reached the mock
/// provider (which records every request it gets).
/// </summary>
public class GuardPromptFieldTests
{
    private const string Ssn = "123-45-6789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> GatewayAsync(MockLlmServer mock, string action) => TestGateway.StartAsync(Yaml(
        "providers:\n"
        + Provider("oa", "openai-compatible", mock.BaseUrl, "[mock-gpt]") + "\n"
        + Provider("an", "anthropic", mock.BaseUrl, "[claude-x]")
        + $"\nguards:\n  request: [{{ builtin: ssn, action: {action} }}]"));

    private static StringContent Json(string body) =>
        new(body.Replace("SSN", Ssn, StringComparison.Ordinal), Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/v1/responses", """{"model":"mock-gpt","instructions":"the user's SSN is SSN","input":"hi"}""")]
    [InlineData("/v1/responses", """{"model":"mock-gpt","input":"hi","tools":[{"type":"function","name":"lookup","description":"SSN","parameters":{"type":"object"}}]}""")]
    [InlineData("/v1/responses", """{"model":"mock-gpt","input":[{"type":"function_call_output","call_id":"c1","output":"SSN"}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","name":"SSN","content":"hi"}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"lookup","description":"SSN"}}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object","properties":{"id":{"type":"string","description":"e.g. SSN"}}}}}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","content":"hi"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"id\":\"123\\u002d45\\u002d6789\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"ok"}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"mock-gpt","messages":[{"role":"user","content":"hi"}],"metadata":{"note":"SSN"}}""")]
    [InlineData("/v1/messages", """{"model":"claude-x","max_tokens":10,"system":[{"type":"text","text":"SSN"}],"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("/v1/messages", """{"model":"claude-x","max_tokens":10,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"SSN"}]}]}]}""")]
    public async Task RejectGuard_SsnOutsideMessageText_IsRefusedBeforeTheProvider(string path, string body)
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, "reject");

        var response = await gw.CreateClient().PostAsync(path, Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        Assert.Contains("guard 'ssn'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, mock.RequestCount);
    }

    [Fact]
    public async Task RejectGuard_ResponsesInstructionsFromTheOpenAiSdk_IsRefused()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, "reject");
        var client = new ResponsesClient(new ApiKeyCredential(ClientKey), new ResponsesClientOptions { Endpoint = new Uri(gw.BaseAddress, "/v1") });
        var options = new CreateResponseOptions { Model = "mock-gpt", Instructions = $"The customer's SSN is {Ssn}." };
        options.InputItems.Add(ResponseItem.CreateUserMessageItem("hello"));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => client.CreateResponseAsync(options, Ct));

        Assert.Equal(400, ex.Status);
        Assert.Equal(0, mock.RequestCount);
    }

    [Fact]
    public async Task RejectGuard_ParticipantNameAndToolDescriptionFromTheOpenAiSdk_AreRefused()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, "reject");
        var chat = OpenAiChat(gw, "mock-gpt");

        var byName = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync(
            [new UserChatMessage("hello") { ParticipantName = Ssn }], cancellationToken: Ct));
        var byTool = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync(
            [new UserChatMessage("hello")], new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", $"Looks up {Ssn}") } }, Ct));

        Assert.Equal(400, byName.Status);
        Assert.Equal(400, byTool.Status);
        Assert.Equal(0, mock.RequestCount);
    }

    [Theory]
    [InlineData("mock-gpt")] // passthrough: the body is re-serialized with the mask
    [InlineData("claude-x")] // translated to the Anthropic API
    public async Task MaskGuard_ResponsesInstructionsAndToolDescription_ReachTheProviderMasked(string model)
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, "mask");
        var client = new ResponsesClient(new ApiKeyCredential(ClientKey), new ResponsesClientOptions { Endpoint = new Uri(gw.BaseAddress, "/v1") });
        var options = new CreateResponseOptions { Model = model, Instructions = $"The customer's SSN is {Ssn}." };
        options.InputItems.Add(ResponseItem.CreateUserMessageItem("hello"));
        options.Tools.Add(ResponseTool.CreateFunctionTool("lookup", BinaryData.FromString("""{"type":"object","properties":{}}"""), false, $"Looks up {Ssn}"));

        await client.CreateResponseAsync(options, Ct);

        var forwarded = Assert.Single(mock.Requests).Body;
        Assert.DoesNotContain("6789", forwarded, StringComparison.Ordinal);
        Assert.Contains("[SSN]", forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaskGuard_AnthropicSystemAndToolResult_ReachTheProviderMasked()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await GatewayAsync(mock, "mask");
        using var client = AnthropicSdk(gw).AsIChatClient("claude-x", 256);
        List<Microsoft.Extensions.AI.ChatMessage> messages =
        [
            new(ChatRole.System, $"Customer SSN: {Ssn}"),
            new(ChatRole.User, "look it up"),
            new(ChatRole.Assistant, [new FunctionCallContent("toolu_1", "lookup", new Dictionary<string, object?> { ["q"] = "x" })]),
            new(ChatRole.Tool, [new FunctionResultContent("toolu_1", $"record for {Ssn}")]),
        ];

        await client.GetResponseAsync(messages, cancellationToken: Ct);

        var forwarded = Assert.Single(mock.Requests).Body;
        Assert.DoesNotContain("6789", forwarded, StringComparison.Ordinal);
        Assert.Equal(2, forwarded.Split("[SSN]").Length - 1);
    }
}
