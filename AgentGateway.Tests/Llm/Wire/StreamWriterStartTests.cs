using System.Text;
using AgentGateway.Llm.Wire;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Tests.Llm.Wire;

/// <summary>
/// The first event of a translated stream: the prompt is counted (a tokenizer pass over the whole request) only for
/// the format whose first event reports it, so an OpenAI or Responses client's first token never waits for it.
/// </summary>
public class StreamWriterStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (HttpResponse Response, MemoryStream Body) Response()
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = body;
        return (context.Response, body);
    }

    [Fact]
    public async Task ChatCompletionsStart_WritesRoleChunk_WithoutCountingThePrompt()
    {
        var (response, body) = Response();
        var counted = 0;

        await new OpenAiStreamWriter(response, "chatcmpl-1", "m", includeUsage: true).StartAsync(() => ++counted, Ct);

        Assert.Equal(0, counted);
        Assert.Contains("\"role\":\"assistant\"", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsesStart_WritesCreatedEvent_WithoutCountingThePrompt()
    {
        var (response, body) = Response();
        var counted = 0;

        await new ResponsesStreamWriter(response, "resp_1", "m").StartAsync(() => ++counted, Ct);

        Assert.Equal(0, counted);
        Assert.StartsWith("event: response.created\n", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesStart_ReportsTheCountedPromptInMessageStart()
    {
        var (response, body) = Response();
        var counted = 0;

        await new AnthropicStreamWriter(response, "msg_1", "m").StartAsync(() => 40 + ++counted, Ct);

        Assert.Equal(1, counted);
        Assert.Contains("\"input_tokens\":41", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }
}
