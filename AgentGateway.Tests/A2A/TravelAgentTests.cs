using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// The Microsoft Agent Framework sample (ChatClientAgent over an OpenAI-compatible endpoint) through the gateway:
/// a multi-turn task that asks a question (input-required), continues on the same task, and streams its answer.
/// </summary>
public sealed class TravelAgentTests(TravelAgentFixture fixture) : IClassFixture<TravelAgentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task V1_MultiTurn_AsksThenAnswersOnTheSameTask()
    {
        var client = fixture.Gateway.CreateClient();

        var first = await A2AHttp.JsonRpcAsync(client, "/agents/travel", "SendMessage", A2AHttp.V1Message("Plan a trip to Lisbon"), version: "1.0", ct: Ct);
        var task = first.GetProperty("result").GetProperty("task");
        Assert.Equal("TASK_STATE_INPUT_REQUIRED", task.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("When do you want to travel?", task.GetProperty("status").GetProperty("message").GetProperty("parts")[0].GetProperty("text").GetString());

        var taskId = task.GetProperty("id").GetString();
        var second = await A2AHttp.JsonRpcAsync(client, "/agents/travel", "SendMessage", A2AHttp.V1Message("In May", taskId), version: "1.0", ct: Ct);
        var done = second.GetProperty("result").GetProperty("task");
        Assert.Equal(taskId, done.GetProperty("id").GetString());
        Assert.Equal("TASK_STATE_COMPLETED", done.GetProperty("status").GetProperty("state").GetString());
        var answer = done.GetProperty("artifacts").EnumerateArray().Last();
        Assert.Equal(ScriptedLlmServer.Answer, string.Concat(answer.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("text").GetString())));

        // The second LLM call carried the whole conversation (agent session keyed by the A2A context).
        var lastCall = fixture.Llm.Requests.Last().GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Equal(2, lastCall.Count(r => r == "user"));
        Assert.Contains("assistant", lastCall);
    }

    [Fact]
    public async Task V03_Stream_DeliversAnswerChunksThenInputRequired()
    {
        var events = await A2AHttp.StreamAsync(fixture.Gateway.CreateClient(), "/agents/travel", "message/stream", A2AHttp.V03Message("Plan a trip"), ct: Ct)
            .Select(e => e.GetProperty("result")).ToListAsync(Ct);

        var chunks = events.Where(e => e.GetProperty("kind").GetString() == "artifact-update").ToList();
        Assert.True(chunks.Count > 1, "the answer should stream in several chunks");
        Assert.Equal(ScriptedLlmServer.Question, string.Concat(chunks.Select(c => c.GetProperty("artifact").GetProperty("parts")[0].GetProperty("text").GetString())));
        Assert.Equal("input-required", events[^1].GetProperty("status").GetProperty("state").GetString());
        Assert.True(events[^1].GetProperty("final").GetBoolean());
    }
}

/// <summary>The scripted LLM, the Travel agent process pointed at it, and a gateway route to the agent.</summary>
public sealed class TravelAgentFixture : IAsyncLifetime
{
    private AgentProcess? _travel;

    internal ScriptedLlmServer Llm { get; private set; } = null!;

    public TestGateway Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Llm = await ScriptedLlmServer.StartAsync();
        _travel = await AgentProcess.StartSampleAsync("TravelAgent", new Dictionary<string, string>
        {
            ["LLM_BASE_URL"] = Llm.BaseAddress.ToString(),
            ["LLM_MODEL"] = "test-model",
        });
        Gateway = await TestGateway.StartAsync($$"""
            routes:
              - { name: travel, path: /agents/travel, a2a: travel }
            a2a:
              travel: { url: "{{_travel.BaseAddress}}" }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (_travel is not null)
        {
            await _travel.DisposeAsync();
        }

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }
    }
}
