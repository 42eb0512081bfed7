using System.Diagnostics;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Tokens;
using AgentGateway.Llm.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Pipeline;

/// <summary>State of one chat request across failover attempts, and what it produced.</summary>
internal sealed class ChatCall(HttpContext http, ClientDialect dialect, ChatRequest request, byte[]? originalBody, LlmBackendRuntime runtime, ILogger logger)
{
    private long? _inputEstimate;

    public HttpContext Http { get; } = http;

    public ILogger Logger { get; } = logger;

    /// <summary>The API the client speaks; answers and errors go out in its shape.</summary>
    public ClientDialect Dialect { get; } = dialect;

    public ChatRequest Request { get; } = request;

    /// <summary>The caller's own credential, sent upstream only to providers with <c>passthrough: true</c>.</summary>
    public ClientCredential? Credential { get; init; }

    /// <summary>The client's bytes, or null when guards changed the body and it must be re-serialized.</summary>
    public byte[]? OriginalBody { get; } = originalBody;

    public LlmBackendRuntime Runtime { get; } = runtime;

    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    public TimeSpan? TimeToFirstToken { get; set; }

    public TokenUsage? Usage { get; set; }

    public string? ResponseModel { get; set; }

    /// <summary>The candidate's provider as this caller uses it (see <see cref="LlmProvider.ForCaller"/>).</summary>
    public LlmProvider Provider(ModelCandidate candidate) => candidate.Provider.ForCaller(Credential);

    public void MarkFirstToken() => TimeToFirstToken ??= Stopwatch.GetElapsedTime(StartTimestamp);

    /// <summary>
    /// o200k_base count of the prompt text, for the token-limit reservation and providers that report no usage:
    /// one bounded tally for the whole request, stopped when the client goes away.
    /// </summary>
    public long InputEstimate => _inputEstimate ??= CountInput();

    /// <summary>Counts text the provider produced (when it reports no usage), bounded and cancellable like the input.</summary>
    public long CountOutput(string? text) => TokenCounter.Count(text, Http.RequestAborted);

    private long CountInput()
    {
        // A deferred passthrough body is read here at the latest; one the provider accepted but the gateway cannot
        // read has nothing the gateway can count.
        if (!Request.TryRead())
        {
            return 0;
        }

        var tally = new TokenTally(Http.RequestAborted);
        foreach (var message in Request.Messages)
        {
            tally.Add(Text(message));
        }

        return tally.Total;
    }

    private static string Text(ChatMessage m) => string.Concat(m.Contents.Select(c => c switch
    {
        TextContent t => t.Text,
        FunctionResultContent r => r.Result?.ToString(),
        FunctionCallContent f => FinishReasons.ArgumentsJson(f),
        _ => null,
    }));
}
