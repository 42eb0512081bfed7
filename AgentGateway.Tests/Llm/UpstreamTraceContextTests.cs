using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>
/// The provider call goes out without the runtime's client span (no DiagnosticsHandler), yet the provider still
/// continues the caller's trace, with the gateway's LLM attempt span as its parent.
/// </summary>
public class UpstreamTraceContextTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string ClientSpanId = "00f067aa0ba902b7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PassthroughCall_UpstreamReceivesTraceparent_WithTheAttemptSpanAsParent()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            // System.Net.Http too: with a listener there, a DiagnosticsHandler on the path would put its own span in between.
            ShouldListenTo = s => s.Name is "AgentGateway" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var mock = await MockLlmServer.StartAsync(new MockLlmOptions(), Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("p", "openai-compatible", mock.BaseUrl, "[gpt-x]")));

        // A raw handler: no DiagnosticsHandler in the test process adds or replaces trace headers.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = gw.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-x","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{TraceId}-{ClientSpanId}-01");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var upstream = Assert.Single(mock.Requests).Headers["traceparent"].Split('-');
        Assert.Equal(TraceId, upstream[1]);

        // The attempt span stops just after the answer was written, so the client can be a moment ahead of it.
        Activity? Attempt() => spans.FirstOrDefault(s => s.TraceId.ToHexString() == TraceId && s.Source.Name == "AgentGateway" && s.Kind == ActivityKind.Client);
        for (var i = 0; i < 50 && Attempt() is null; i++)
        {
            await Task.Delay(100, Ct);
        }

        var attempt = Attempt();
        Assert.NotNull(attempt);
        Assert.Equal("passthrough", attempt.GetTagItem("agentgateway.llm.mode"));
        Assert.Equal(attempt.SpanId.ToHexString(), upstream[2]);
    }
}
