using System.Runtime.InteropServices;
using System.Text.Json;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Tokens;
using AgentGateway.Llm.Wire;
using AgentGateway.Security;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Pipeline;

/// <summary><c>POST /embeddings</c> (OpenAI shape): passthrough to OpenAI-style providers, IEmbeddingGenerator otherwise.</summary>
internal sealed class EmbeddingsEndpoint(ProviderHealth health, IRequestAuthorizer authorizer, ITokenBudget budget, ILogger<EmbeddingsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http, LlmBackendRuntime runtime)
    {
        var body = await RequestBody.ReadAsync(http);
        var json = JsonRead.ParseObject(body);
        var model = JsonRead.RequiredString(json, "model");
        var masked = JsonGuard.Apply(json, runtime.RequestGuards);
        var inputs = json["input"] switch
        {
            System.Text.Json.Nodes.JsonArray { Count: > 0 } a => a.Select((x, i) => JsonRead.String(x, $"input[{i}]") ?? "").ToList(),
            System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            null => throw new LlmRequestException(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter"),
            _ => throw new LlmRequestException(400, "'input' must be a string or a non-empty array of strings.", "input"),
        };
        var candidates = runtime.Router.Resolve(model, embeddings: true);
        if (candidates.Count == 0)
        {
            throw ChatEndpoint.ModelNotFound(model);
        }

        await LlmAuthorization.EnsureAsync(authorizer, http, "embed", model, candidates[0].Provider.Name);
        var call = new ChatCall(http, ClientDialect.ChatCompletions, new ChatRequest(model, [], new ChatOptions(), false, false, json), masked ? null : body, runtime, logger)
        {
            Credential = ClientCredential.From(http.Request),
        };
        await TokenBudgetScope.RunAsync(budget, http, () => Count(inputs, http.RequestAborted), () => CallProvidersAsync(http, call, candidates, inputs));
    }

    /// <summary>Tries the candidates in failover order; returns the usage of the call that answered.</summary>
    private async Task<TokenUsage?> CallProvidersAsync(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates, List<string> inputs)
    {
        var (model, json) = (call.Request.Model, call.Request.Body);
        var last = AttemptResult.Failed(503, "No provider is available.");
        foreach (var candidate in candidates)
        {
            var provider = candidate.Provider;
            if (health.IsCoolingDown(provider.HealthKey, out _))
            {
                last = AttemptResult.Failed(429, "The provider asked to retry later.");
                continue;
            }

            using var activity = LlmTelemetry.StartAttempt("embeddings", model, provider.Name, provider.Type.SemConvName());
            var result = provider.NativeApi == LlmApi.OpenAi
                ? await PassthroughForwarder.TryAsync(call, candidate, "embeddings", http.RequestAborted)
                : await GenerateAsync(call, candidate, inputs, JsonRead.Int(json["dimensions"], "dimensions"), JsonRead.String(json["encoding_format"], "encoding_format") == "base64");
            if (result.Retry)
            {
                Log.ProviderFailed(logger, provider.Name, result.Status);
                last = result;
                continue;
            }

            if (result.Message is not null)
            {
                throw new LlmRequestException(result.Status, result.Message);
            }

            var usage = call.Usage ?? new TokenUsage(0, 0, true);
            activity?.SetTag("gen_ai.usage.input_tokens", usage.Input);
            LlmTelemetry.Record("embeddings", model, call.ResponseModel, provider.Type.SemConvName(), usage.Input, 0, System.Diagnostics.Stopwatch.GetElapsedTime(call.StartTimestamp), null, null);
            http.Features.Set(new LlmUsageFeature { InputTokens = usage.Input, Provider = provider.Name, Model = model, Estimated = usage.Counted });
            return usage;
        }

        Log.AllProvidersFailed(logger, candidates.Count, model, last.Status);
        throw new LlmRequestException(last.Status is 429 or 504 ? last.Status : 502, "All providers failed. " + last.Message);
    }

    /// <summary>All inputs in one bounded tally (see <see cref="TokenTally"/>).</summary>
    private static long Count(List<string> inputs, CancellationToken cancellationToken)
    {
        var tally = new TokenTally(cancellationToken);
        foreach (var input in inputs)
        {
            tally.Add(input);
        }

        return tally.Total;
    }

    private static async Task<AttemptResult> GenerateAsync(ChatCall call, ModelCandidate candidate, List<string> inputs, int? dimensions, bool base64)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.Http.RequestAborted);
        timeout.CancelAfter(candidate.Provider.Timeout);
        try
        {
            embeddings = await call.Provider(candidate).Embedder(candidate.UpstreamModel)
                .GenerateAsync(inputs, new EmbeddingGenerationOptions { ModelId = candidate.UpstreamModel, Dimensions = dimensions }, timeout.Token);
        }
        catch (Exception ex) when (!call.Http.RequestAborted.IsCancellationRequested)
        {
            var (status, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException);
            return AttemptResult.IsRetryable(status) ? AttemptResult.Failed(status, message) : new AttemptResult(false, status, message);
        }

        var tokens = embeddings.Usage?.InputTokenCount ?? Count(inputs, call.Http.RequestAborted);
        call.Usage = new TokenUsage(tokens, 0, embeddings.Usage?.InputTokenCount is null);
        call.ResponseModel = candidate.UpstreamModel;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            for (var i = 0; i < embeddings.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("object", "embedding");
                w.WriteNumber("index", i);
                var vector = embeddings[i].Vector.Span;
                if (base64)
                {
                    w.WriteBase64String("embedding", MemoryMarshal.AsBytes(vector));
                }
                else
                {
                    w.WriteStartArray("embedding");
                    foreach (var f in vector)
                    {
                        w.WriteNumberValue(f);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("model", candidate.UpstreamModel);
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", tokens);
            w.WriteNumber("total_tokens", tokens);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        call.Http.Response.ContentType = "application/json";
        await call.Http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), call.Http.RequestAborted);
        return AttemptResult.Done;
    }
}
