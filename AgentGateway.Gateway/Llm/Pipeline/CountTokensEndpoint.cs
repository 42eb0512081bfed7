using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Tokens;
using AgentGateway.Llm.Wire;
using AgentGateway.Security;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// <c>POST /messages/count_tokens</c> (Anthropic; Claude Code asks it on every turn): forwarded to the model's
/// provider when it speaks the messages API natively, answered by our own tokenizer otherwise. Authorized as
/// <c>chat</c> on the model and run inside the route's token limits like any call, with no output tokens.
/// </summary>
internal sealed class CountTokensEndpoint(ProviderHealth health, IRequestAuthorizer authorizer, ITokenBudget budget, ILogger<CountTokensEndpoint> logger)
{
    private const string Operation = "messages/count_tokens";

    public async Task HandleAsync(HttpContext http, LlmBackendRuntime runtime)
    {
        var body = await RequestBody.ReadAsync(http);
        var json = JsonRead.ParseObject(body);
        JsonRead.RequiredString(json, "model");
        var masked = JsonGuard.Apply(json, runtime.RequestGuards);
        var request = Read(json);
        var candidates = runtime.Router.Resolve(request.Model);
        if (candidates.Count == 0)
        {
            throw ChatEndpoint.ModelNotFound(request.Model);
        }

        await LlmAuthorization.EnsureAsync(authorizer, http, "chat", request.Model, candidates[0].Provider.Name);
        var call = new ChatCall(http, ClientDialect.Messages, request, masked ? null : body, runtime, logger) { Credential = ClientCredential.From(http.Request) };
        await TokenBudgetScope.RunAsync(budget, http, () => Count(call), () => CountAsync(call, candidates));
    }

    private static ChatRequest Read(JsonObject json)
    {
        try
        {
            return AnthropicRequestReader.Read(json, promptOnly: true);
        }
        catch (ArgumentException ex)
        {
            throw new LlmRequestException(400, "The request contains an invalid value: " + ex.Message);
        }
    }

    /// <summary>Tries the candidates in failover order; the first that cannot count natively is answered by us.</summary>
    private async Task<TokenUsage?> CountAsync(ChatCall call, IReadOnlyList<ModelCandidate> candidates)
    {
        var last = AttemptResult.Failed(503, "No provider is available.");
        foreach (var candidate in candidates)
        {
            if (candidate.Provider.NativeApi != LlmApi.Anthropic)
            {
                return await AnswerAsync(call.Http, Count(call));
            }

            if (health.IsCoolingDown(candidate.Provider.HealthKey, out var until))
            {
                Log.ProviderCoolingDown(logger, candidate.Provider.Name, until);
                last = AttemptResult.Failed(429, "The provider asked to retry later.");
                continue;
            }

            var (result, counted) = await ForwardAsync(call, candidate);
            if (result.Retry)
            {
                Log.ProviderFailed(logger, candidate.Provider.Name, result.Status);
                last = result;
                continue;
            }

            // An upstream 4xx went back as it came; the reservation is settled at the estimate then.
            return counted is { } n ? new TokenUsage(n, 0, false) : null;
        }

        Log.AllProvidersFailed(logger, candidates.Count, call.Request.Model, last.Status);
        throw new LlmRequestException(last.Status is 429 or 504 ? last.Status : 502, "All providers failed. " + last.Message);
    }

    /// <summary>Sends the body to the provider's own count_tokens; its answer goes back unchanged.</summary>
    private static async Task<(AttemptResult Result, long? Counted)> ForwardAsync(ChatCall call, ModelCandidate candidate)
    {
        var provider = call.Provider(candidate);
        var aborted = call.Http.RequestAborted;
        using var request = PassthroughForwarder.NativeRequest(call, provider, Operation, candidate.UpstreamModel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(provider.Timeout);
        byte[] bytes;
        HttpResponseMessage response;
        try
        {
            response = await provider.Http.SendAsync(request, timeout.Token);
            bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            var (status, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException);
            return (AttemptResult.Failed(status, message), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (AttemptResult.IsRetryable(status))
            {
                return (AttemptResult.Failed(status, $"The provider answered with status {status}."), null);
            }

            PassthroughForwarder.CopyResponseHeaders(response, call.Http.Response);
            call.Http.Response.StatusCode = status;
            call.Http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await call.Http.Response.Body.WriteAsync(bytes, aborted);
            return (AttemptResult.Done, response.IsSuccessStatusCode ? InputTokens(bytes) : null);
        }
    }

    private static long? InputTokens(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("input_tokens", out var n) && n.TryGetInt64(out var v) ? v : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<TokenUsage> AnswerAsync(HttpContext http, long tokens)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("input_tokens", tokens);
            w.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
        return new TokenUsage(tokens, 0, true);
    }

    /// <summary>Our o200k count of the prompt: system and messages, plus each tool's definition as sent.</summary>
    private static long Count(ChatCall call)
    {
        var tools = call.Request.Body["tools"] is JsonArray array ? array : [];
        var tally = new TokenTally(call.Http.RequestAborted);
        foreach (var tool in tools)
        {
            tally.Add(tool?.ToJsonString());
        }

        return call.InputEstimate + tally.Total;
    }
}
