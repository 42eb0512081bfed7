using System.Text;
using System.Text.Json;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Translation: the request goes through the provider's <see cref="IChatClient"/> and the answer is written in the
/// client's wire format by our own writers. Response guards run here (streams through a hold-back window).
/// </summary>
internal static class TranslatingExecutor
{
    public static async Task<AttemptResult> TryAsync(ChatCall call, ModelCandidate candidate, CancellationToken aborted)
    {
        var provider = call.Provider(candidate);
        var client = provider.ChatClient(candidate.UpstreamModel);
        var options = call.Request.Options.Clone();
        options.ModelId = candidate.UpstreamModel;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(provider.Timeout);
        return call.Request.Stream
            ? await StreamAsync(call, client, options, timeout, aborted)
            : await CompleteAsync(call, client, options, timeout, aborted);
    }

    private static async Task<AttemptResult> CompleteAsync(ChatCall call, IChatClient client, ChatOptions options, CancellationTokenSource timeout, CancellationToken aborted)
    {
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(call.Request.Messages, options, timeout.Token);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            return Fail(call, ex, timeout);
        }

        call.MarkFirstToken();
        var text = response.Messages.Count == 0 ? null : string.Concat(response.Messages.SelectMany(m => m.Contents).OfType<TextContent>().Select(t => t.Text));
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        if (text is not null)
        {
            text = call.Runtime.ResponseGuards.Apply(text);
        }

        var input = response.Usage?.InputTokenCount;
        var output = response.Usage?.OutputTokenCount;
        call.Usage = new TokenUsage(
            input ?? call.InputEstimate,
            output ?? call.CountOutput(text + string.Concat(calls.Select(FinishReasons.ArgumentsJson))),
            input is null || output is null);
        call.ResponseModel = response.ModelId ?? options.ModelId;
        var id = call.Dialect.ResponseId(response.ResponseId);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            call.Dialect.WriteResponse(w, id, call.ResponseModel!, text, calls, response.FinishReason, call.Usage.Input, call.Usage.Output);
        }

        call.Http.Response.StatusCode = 200;
        call.Http.Response.ContentType = "application/json";
        await call.Http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), aborted);
        return AttemptResult.Done;
    }

    private static async Task<AttemptResult> StreamAsync(ChatCall call, IChatClient client, ChatOptions options, CancellationTokenSource timeout, CancellationToken aborted)
    {
        await using var updates = client.GetStreamingResponseAsync(call.Request.Messages, options, timeout.Token).GetAsyncEnumerator(timeout.Token);
        bool more;
        try
        {
            // Nothing is sent before the provider produced its first update, so a failure here can still fail over.
            more = await updates.MoveNextAsync();
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            return Fail(call, ex, timeout);
        }

        timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        call.MarkFirstToken();
        call.ResponseModel = options.ModelId;
        var id = call.Dialect.ResponseId(more ? updates.Current.ResponseId : null);
        var writer = call.Dialect.CreateStreamWriter(call.Http.Response, id, options.ModelId!, call.Request);
        var guard = call.Runtime.ResponseGuards.IsEmpty ? null : new StreamGuard(call.Runtime.ResponseGuards);
        var outputText = new StringBuilder();
        ChatFinishReason? finish = null;
        UsageDetails? usage = null;

        SseWriter.Start(call.Http.Response);
        // The prompt is counted only when the client's first event needs it (Anthropic's message_start); an OpenAI
        // client's first chunk must not wait for a tokenizer pass over a long prompt.
        await writer.StartAsync(() => call.InputEstimate, aborted);
        try
        {
            while (more)
            {
                var update = updates.Current;
                finish ??= update.FinishReason;
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } t:
                            outputText.Append(t.Text);
                            var safe = guard is null ? t.Text : guard.Push(t.Text);
                            if (safe.Length > 0)
                            {
                                await writer.TextAsync(safe, aborted);
                            }

                            break;
                        case FunctionCallContent f:
                            outputText.Append(FinishReasons.ArgumentsJson(f));
                            await writer.ToolCallAsync(f, aborted);
                            break;
                        case UsageContent u:
                            (usage ??= new UsageDetails()).Add(u.Details);
                            break;
                    }
                }

                more = await updates.MoveNextAsync();
            }

            if (guard is not null && guard.Flush() is { Length: > 0 } rest)
            {
                await writer.TextAsync(rest, aborted);
            }
        }
        catch (GuardRejectedException ex)
        {
            Settle(call, usage, outputText);
            await call.Dialect.WriteStreamErrorAsync(call.Http, 400, ex.Message);
            return AttemptResult.Done;
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested && ex is not OperationCanceledException)
        {
            Settle(call, usage, outputText);
            await call.Dialect.WriteStreamErrorAsync(call.Http, 502, "The provider stream ended unexpectedly.");
            return AttemptResult.Done;
        }

        Settle(call, usage, outputText);
        await writer.FinishAsync(finish, call.Usage!.Input, call.Usage.Output, aborted);
        return AttemptResult.Done;
    }

    private static void Settle(ChatCall call, UsageDetails? usage, StringBuilder outputText)
    {
        var input = usage?.InputTokenCount;
        var output = usage?.OutputTokenCount;
        call.Usage = new TokenUsage(input ?? call.InputEstimate, output ?? call.CountOutput(outputText.ToString()), input is null || output is null);
    }

    private static AttemptResult Fail(ChatCall call, Exception ex, CancellationTokenSource timeout)
    {
        Log.ProviderException(call.Logger, ex.GetType().Name, ex);
        var (status, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException && timeout.IsCancellationRequested);
        if (AttemptResult.IsRetryable(status))
        {
            return AttemptResult.Failed(status, message);
        }

        // 400/401/403/404/422 and content filters are the request's fault: answer now, never fail over.
        return new AttemptResult(false, status, message);
    }
}
