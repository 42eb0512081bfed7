using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Llm;
using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>Usage reaches HttpContext (for token budgets), GenAI metrics and spans — streams included.</summary>
public class UsageTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("openai-compatible", false)] // passthrough, usage reported by the provider
    [InlineData("anthropic", false)] // translation, usage from the provider
    [InlineData("openai-compatible", true)] // passthrough stream
    [InlineData("anthropic", true)] // translated stream
    public async Task Usage_IsSetOnHttpContext_AndRecordedAsGenAiTelemetry(string type, bool stream)
    {
        var model = "usage-" + Guid.NewGuid().ToString("N")[..8];
        var usages = new ConcurrentQueue<LlmUsageFeature>();
        var tokenPoints = new ConcurrentQueue<(long Value, string? TokenType)>();
        var durations = new ConcurrentQueue<double>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AgentGateway" && instrument.Name.StartsWith("gen_ai.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "gen_ai.client.token.usage" && Tag(tags, "gen_ai.request.model") == model)
            {
                tokenPoints.Enqueue((value, Tag(tags, "gen_ai.token.type")));
            }
        });
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "gen_ai.client.operation.duration" && Tag(tags, "gen_ai.request.model") == model)
            {
                durations.Enqueue(value);
            }
        });
        meters.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AgentGateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.DisplayName == "chat " + model) { spans.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(activities);

        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(
            Yaml("providers:\n" + Provider("up", type, mock.BaseUrl, "[usage-*]")),
            configure: b => b.Services.AddSingleton<IStartupFilter>(new CaptureUsage(usages)));
        var client = OpenAiChat(gw, model);
        if (stream)
        {
            await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage("five words in this prompt")], cancellationToken: Ct))
            {
            }
        }
        else
        {
            await client.CompleteChatAsync([new UserChatMessage("five words in this prompt")], cancellationToken: Ct);
        }

        var usage = Assert.Single(usages);
        Assert.Equal(5, usage.InputTokens); // the mock's word count: usage came from the provider, not the tokenizer
        Assert.Equal(5, usage.OutputTokens);
        Assert.Equal("up", usage.Provider);
        Assert.Contains((5L, "input"), tokenPoints);
        Assert.Contains((5L, "output"), tokenPoints);
        Assert.Single(durations);
        var span = Assert.Single(spans);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(type == "anthropic" ? "anthropic" : "openai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(5L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(5L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(model, span.GetTagItem("gen_ai.response.model"));
    }

    [Fact]
    public async Task Usage_CountedWithTokenizer_WhenStreamCarriesNone()
    {
        var usages = new ConcurrentQueue<LlmUsageFeature>();
        await using var gw = await TestGateway.StartAsync(
            Yaml("providers:\n  - { name: local, type: mock }"),
            configure: b => b.Services.AddSingleton<IStartupFilter>(new CaptureUsage(usages)));

        await foreach (var _ in OpenAiChat(gw, "m").CompleteChatStreamingAsync([new UserChatMessage("hello tokenizer world")], cancellationToken: Ct))
        {
        }

        var usage = Assert.Single(usages);
        Assert.True(usage.Estimated);
        Assert.Equal(3, usage.InputTokens);
        Assert.Equal(3, usage.OutputTokens);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>Reads the usage feature after the whole pipeline ran, as the rate limiter will.</summary>
    private sealed class CaptureUsage(ConcurrentQueue<LlmUsageFeature> sink) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                if (context.Features.Get<LlmUsageFeature>() is { } usage)
                {
                    sink.Enqueue(usage);
                }
            });
            next(app);
        };
    }
}
