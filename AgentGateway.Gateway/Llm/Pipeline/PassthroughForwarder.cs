using System.Net.Http.Headers;
using System.Text.Json;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Wire;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Native passthrough: client and provider speak the same API, so the body goes upstream as sent (only
/// <c>model</c> rewritten when an alias resolved elsewhere) and the response bytes come back unchanged, streamed
/// event by event without buffering. Usage is read from the bytes on the way.
/// </summary>
internal static class PassthroughForwarder
{
    // Client headers that describe the request and must reach the provider; credentials never do (see ProviderHttpHandler).
    private static readonly string[] ForwardedHeaders = ["anthropic-version", "anthropic-beta", "openai-beta"];

    // Provider response headers worth keeping: request ids for support tickets and rate-limit state for clients.
    private static readonly string[] ReturnedHeaderPrefixes = ["x-request-id", "request-id", "openai-", "anthropic-ratelimit-", "x-ratelimit-", "retry-after"];

    public static async Task<AttemptResult> TryAsync(ChatCall call, ModelCandidate candidate, string operation, CancellationToken aborted)
    {
        var provider = call.Provider(candidate);
        using var request = NativeRequest(call, provider, operation, candidate.UpstreamModel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(provider.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await provider.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            var (status, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException);
            return AttemptResult.Failed(status, message);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (AttemptResult.IsRetryable(status))
            {
                return AttemptResult.Failed(status, $"The provider answered with status {status}.");
            }

            CopyResponseHeaders(response, call.Http.Response);
            var sniffer = call.Dialect.CreateUsageSniffer();
            var isStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            try
            {
                if (isStream && response.IsSuccessStatusCode)
                {
                    return await StreamAsync(call, response, sniffer, timeout, aborted);
                }

                // Non-streaming (or an upstream 4xx, already in the client's API shape): forward as-is.
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                call.MarkFirstToken();
                if (response.IsSuccessStatusCode)
                {
                    sniffer.ReadBody(bytes);
                }

                call.Http.Response.StatusCode = status;
                call.Http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
                await call.Http.Response.Body.WriteAsync(bytes, aborted);
            }
            catch (Exception ex) when (!call.Http.Response.HasStarted && (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !aborted.IsCancellationRequested)))
            {
                var (failed, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException);
                return AttemptResult.Failed(failed, message);
            }

            if (response.IsSuccessStatusCode)
            {
                Settle(call, sniffer);
            }

            return AttemptResult.Done;
        }
    }

    /// <summary>The client's body (model rewritten when needed) and API headers, addressed to the provider's native operation.</summary>
    public static HttpRequestMessage NativeRequest(ChatCall call, Providers.LlmProvider provider, string operation, string upstreamModel)
    {
        var body = BodyFor(call.OriginalBody, call.Request, upstreamModel);
        var request = new HttpRequestMessage(HttpMethod.Post, provider.NativeUri(operation, upstreamModel))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var name in ForwardedHeaders)
        {
            if (call.Http.Request.Headers.TryGetValue(name, out var value))
            {
                request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        foreach (var (name, value) in call.Dialect.DefaultHeaders)
        {
            if (!request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public static void CopyResponseHeaders(HttpResponseMessage from, HttpResponse to)
    {
        foreach (var (name, values) in from.Headers)
        {
            if (IsReturned(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }
    }

    // A loop, not Any(lambda): this runs for every response header of every call.
    private static bool IsReturned(string name)
    {
        foreach (var prefix in ReturnedHeaderPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] BodyFor(byte[]? original, ChatRequest request, string upstream)
    {
        if (original is not null && string.Equals(request.Model, upstream, StringComparison.Ordinal))
        {
            return original;
        }

        // Only here is a deferred request read in full: the model must be rewritten in the JSON.
        var json = request.Body;
        json["model"] = upstream;
        return JsonSerializer.SerializeToUtf8Bytes(json, GatewayJson.Node);
    }

    private static async Task<AttemptResult> StreamAsync(ChatCall call, HttpResponseMessage response, UsageSniffer sniffer, CancellationTokenSource timeout, CancellationToken aborted)
    {
        await using var upstream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var buffer = new byte[8192];
        var splitter = new SseEventSplitter();
        Action<ReadOnlySpan<byte>> readEvent = sniffer.ReadEvent;

        // The first read decides: a failure before any byte reached the client may still fail over.
        int read;
        try
        {
            read = await upstream.ReadAsync(buffer, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            var (status, message) = UpstreamFailure.Classify(ex, timedOut: ex is OperationCanceledException);
            return AttemptResult.Failed(status, message);
        }

        if (read == 0)
        {
            return AttemptResult.Failed(502, "The provider closed the stream without data.");
        }

        timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        call.MarkFirstToken();
        SseWriter.Start(call.Http.Response);
        await call.Http.Response.StartAsync(aborted);
        try
        {
            while (read > 0)
            {
                splitter.Append(buffer.AsSpan(0, read));
                var complete = splitter.CompleteLength();
                if (complete > 0)
                {
                    var events = splitter.Pending[..complete];
                    await call.Http.Response.Body.WriteAsync(events, aborted);
                    await call.Http.Response.Body.FlushAsync(aborted);
                    // Usage is read after the events went out, so reading it adds nothing to the client's latency.
                    SseEventSplitter.ForEachData(events.Span, readEvent);
                    splitter.Consume(complete);
                }

                read = await upstream.ReadAsync(buffer, aborted);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !aborted.IsCancellationRequested)
        {
            Settle(call, sniffer);
            await call.Dialect.WriteStreamErrorAsync(call.Http, 502, "The provider stream ended unexpectedly.");
            return AttemptResult.Done;
        }

        Settle(call, sniffer);
        return AttemptResult.Done;
    }

    private static void Settle(ChatCall call, UsageSniffer sniffer)
    {
        call.ResponseModel = sniffer.ResponseModel;
        var counted = sniffer.Input is null || sniffer.Output is null;
        call.Usage = new TokenUsage(
            sniffer.Input ?? call.InputEstimate,
            sniffer.Output ?? call.CountOutput(sniffer.OutputText),
            counted);
    }
}
