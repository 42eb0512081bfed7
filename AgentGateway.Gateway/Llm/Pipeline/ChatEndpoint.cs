using System.Diagnostics;
using AgentGateway.Llm.Cost;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.VirtualModels;
using AgentGateway.Llm.Wire;
using AgentGateway.Security;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// <c>POST /chat/completions</c> and <c>POST /messages</c>: read and guard the request, resolve the model, authorize,
/// then try providers in failover order (passthrough when the APIs match, translation otherwise).
/// </summary>
internal sealed class ChatEndpoint(ProviderHealth health, IRequestAuthorizer authorizer, ITokenBudget budget, CostScope cost, ILogger<ChatEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http, LlmBackendRuntime runtime, ClientDialect dialect)
    {
        var body = await RequestBody.ReadAsync(http);
        var (request, masked) = ChatRequestReader.Read(body, runtime, dialect, Read);
        var candidates = runtime.Router.Resolve(request.Model);
        if (candidates.Count == 0)
        {
            throw ModelNotFound(request.Model);
        }

        await LlmAuthorization.EnsureAsync(authorizer, http, "chat", request.Model, candidates[0].Provider.Name);
        var call = new ChatCall(http, dialect, request, masked ? null : body, runtime, logger) { Credential = ClientCredential.From(http.Request) };
        await using var cached = await Cache.ResponseCache.BeginAsync(http, dialect, body);
        if (cached.IsServed)
        {
            return;
        }

        // The USD budget (and the cost metric) wraps the token limits: a call refused by either costs nothing.
        await cost.RunAsync(http, call, candidates, () =>
            TokenBudgetScope.RunAsync(budget, http, () => call.InputEstimate + (request.Options.MaxOutputTokens ?? 0), () => CallProvidersAsync(http, call, candidates)));
    }

    private static ChatRequest Read(System.Text.Json.Nodes.JsonObject json, ClientDialect dialect)
    {
        try
        {
            return dialect.Read(json);
        }
        catch (ArgumentException ex)
        {
            // A value Microsoft.Extensions.AI refuses (a malformed data: URI, a bad media type) is the request's fault.
            throw new LlmRequestException(400, "The request contains an invalid value: " + ex.Message);
        }
    }

    /// <summary>Tries the candidates in failover order; returns the usage of the call that answered.</summary>
    private async Task<TokenUsage?> CallProvidersAsync(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates)
    {
        var (dialect, request, runtime) = (call.Dialect, call.Request, call.Runtime);
        var operation = "chat";
        var last = AttemptResult.Failed(503, "No provider is available.");
        foreach (var candidate in candidates)
        {
            var provider = candidate.Provider;
            if (health.IsCoolingDown(provider.HealthKey, out var until))
            {
                Log.ProviderCoolingDown(logger, provider.Name, until);
                last = AttemptResult.Failed(429, "The provider asked to retry later.");
                continue;
            }

            using var activity = LlmTelemetry.StartAttempt(operation, request.Model, provider.Name, provider.Type.SemConvName());
            using var routed = VirtualModelAttempt.Start(candidate, activity);
            var passthrough = provider.NativeApi == dialect.Api && runtime.ResponseGuards.IsEmpty;
            activity?.SetTag("agentgateway.llm.mode", passthrough ? "passthrough" : "translate");
            var result = passthrough
                ? await PassthroughForwarder.TryAsync(call, candidate, dialect.Operation, http.RequestAborted)
                : await TranslatingExecutor.TryAsync(call, candidate, http.RequestAborted);
            var elapsed = Stopwatch.GetElapsedTime(call.StartTimestamp);
            if (result.Retry || result.Message is not null)
            {
                routed?.Failed(providerFault: result.Retry);
                activity?.SetStatus(ActivityStatusCode.Error, result.Message);
                activity?.SetTag("error.type", result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                LlmTelemetry.Record(operation, request.Model, null, provider.Type.SemConvName(), 0, 0, elapsed, null, result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!result.Retry)
                {
                    throw new LlmRequestException(result.Status, result.Message!);
                }

                Log.ProviderFailed(logger, provider.Name, result.Status);
                last = result;
                continue;
            }

            routed?.Succeeded(call.StartTimestamp, call.TimeToFirstToken);
            Complete(http, call, activity, operation, provider, elapsed);
            return call.Usage;
        }

        Log.AllProvidersFailed(logger, candidates.Count, request.Model, last.Status);
        if (last.Status == 429 && health.IsCoolingDown(candidates[0].Provider.HealthKey, out var retryAt))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAt - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new LlmRequestException(last.Status is 429 or 504 ? last.Status : 502, "All providers failed. " + last.Message);
    }

    public static LlmRequestException ModelNotFound(string model) =>
        new(404, $"The model '{model}' does not exist or you do not have access to it.", "model", "model_not_found");

    private static void Complete(HttpContext http, ChatCall call, Activity? activity, string operation, LlmProvider provider, TimeSpan elapsed)
    {
        var usage = call.Usage ?? new TokenUsage(0, 0, true);
        activity?.SetTag("gen_ai.response.model", call.ResponseModel);
        activity?.SetTag("gen_ai.usage.input_tokens", usage.Input);
        activity?.SetTag("gen_ai.usage.output_tokens", usage.Output);
        LlmTelemetry.Record(operation, call.Request.Model, call.ResponseModel, provider.Type.SemConvName(), usage.Input, usage.Output, elapsed, call.TimeToFirstToken, null);
        http.Features.Set(new LlmUsageFeature
        {
            InputTokens = usage.Input,
            OutputTokens = usage.Output,
            Provider = provider.Name,
            Model = call.ResponseModel ?? call.Request.Model,
            Estimated = usage.Counted,
        });
    }
}
