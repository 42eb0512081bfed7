using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentGateway.Telemetry;

namespace AgentGateway.Llm;

/// <summary>GenAI semantic-convention instruments and span names for LLM calls (never prompt text).</summary>
internal static class LlmTelemetry
{
    public static readonly Histogram<long> TokenUsage = GatewayTelemetry.Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.");

    public static readonly Histogram<double> OperationDuration = GatewayTelemetry.Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "GenAI operation duration.");

    public static readonly Histogram<double> TimeToFirstToken = GatewayTelemetry.Meter.CreateHistogram<double>(
        "gen_ai.server.time_to_first_token", "s", "Time to receive the first token or chunk from the provider.");

    public static Activity? StartAttempt(string operation, string requestedModel, string providerName, string providerType)
    {
        var activity = GatewayTelemetry.ActivitySource.StartActivity($"{operation} {requestedModel}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", operation);
        activity?.SetTag("gen_ai.request.model", requestedModel);
        activity?.SetTag("gen_ai.provider.name", providerType);
        activity?.SetTag("agentgateway.llm.provider", providerName);
        return activity;
    }

    public static void Record(string operation, string requestedModel, string? responseModel, string providerType, long input, long output, TimeSpan duration, TimeSpan? firstToken, string? errorType)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", operation },
            { "gen_ai.request.model", requestedModel },
            { "gen_ai.provider.name", providerType },
        };
        if (responseModel is not null)
        {
            tags.Add("gen_ai.response.model", responseModel);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        OperationDuration.Record(duration.TotalSeconds, tags);
        if (errorType is null)
        {
            var inputTags = tags;
            inputTags.Add("gen_ai.token.type", "input");
            TokenUsage.Record(input, inputTags);
            var outputTags = tags;
            outputTags.Add("gen_ai.token.type", "output");
            TokenUsage.Record(output, outputTags);
        }

        if (firstToken is { } ttft)
        {
            TimeToFirstToken.Record(ttft.TotalSeconds, tags);
        }
    }
}
