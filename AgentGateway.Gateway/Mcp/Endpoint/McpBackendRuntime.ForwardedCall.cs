#pragma warning disable MCP9006 // Stateful sessions with resumable streams are how the gateway serves 2025-x clients (DESIGN.md §5).
using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Forwarding;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>One forwarded request, from authorization to the client's answer (see the Forwarding part).</summary>
internal sealed partial class McpBackendRuntime
{
    /// <summary>The SDK client's defaults for resuming a stream (HttpClientTransportOptions), so both paths resume alike.</summary>
    private const int MaxResumptions = 5;

    private static readonly TimeSpan DefaultResumeDelay = TimeSpan.FromSeconds(1);

    private async Task ForwardAsync(HttpContext context, string sessionId, ForwardedRequest call, FederatedRequest request, UpstreamEndpoint endpoint,
        DateTime startedAt)
    {
        // The same span and metric as FederatedTelemetryFilters, started when the request was read (resolution is covered):
        // named after the tool for a call, tagged with the target except for a completion, the metric for calls only.
        var isCall = call.Method == RequestMethods.ToolsCall;
        using var activity = McpTelemetry.StartRequest(call.Method, sessionId, Name, isCall ? call.Name : null);
        activity?.SetStartTime(startedAt);
        activity?.SetTag(McpTelemetry.ForwardedTag, true);
        context.Response.Headers["Mcp-Session-Id"] = sessionId; // as the SDK answers every POST of a session
        var connection = request.Target!;
        var outcome = "error";
        byte[]? final = null; // written once the span and metric are done, as the SDK path records them before it answers
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var inFlight = _forwarded.Add(sessionId, call.Id, cancel);
        var clientId = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(call.Id).ToArray();
        await using var answer = new ClientAnswer(context, EventStreams, sessionId, call.Id);
        try
        {
            await _authorization.DemandJsonArgumentsAsync(request.Action!, request.Exposed!, connection.Name, request.UpstreamName!, call.ArgumentsForPolicy(), cancel.Token);
            var target = connection.GetOrThrow();
            request.Protocol = target.ProtocolVersion ?? "openapi";
            (outcome, final) = await CallUpstreamAsync(call, request, endpoint, answer, clientId, cancel.Token);
        }
        catch (McpProtocolException ex)
        {
            final = ErrorMessage(clientId, (int)ex.ErrorCode, ex.Message);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client cancelled (its notification, or it went away): the target was told; no answer is due.
            if (!answer.Started && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TaskCanceledException)
        {
            // Transport failure or a malformed answer: the SDK path's error for a target lost mid-call.
            Log.ForwardedCallFailed(_logger, connection.Name, ex.Message);
            (connection.Current as McpClientTarget)?.ReportBroken();
            var error = UpstreamErrors.Disconnected(connection.Name);
            final = ErrorMessage(clientId, (int)error.ErrorCode, error.Message);
        }
        finally
        {
            if (call.Method != RequestMethods.CompletionComplete)
            {
                activity?.SetTag(McpTelemetry.TargetTag, connection.Name);
                if (request.Protocol is { } protocol)
                {
                    activity?.SetTag(McpTelemetry.TargetProtocolTag, protocol);
                }
            }

            if (isCall)
            {
                McpTelemetry.ToolCalls.Add(1, new("backend", Name), new("target", connection.Name), new("tool", call.Name), new("outcome", outcome),
                    new("protocol_version", request.Protocol ?? "none"));
            }

            activity?.Stop();
        }

        if (final is not null)
        {
            await WriteFinalAsync(answer, final, context.RequestAborted);
        }
    }

    /// <summary>POSTs the request and copies the target's progress back; returns the metric outcome and the final answer for the client.</summary>
    private async Task<(string Outcome, byte[] Final)> CallUpstreamAsync(ForwardedRequest call, FederatedRequest request, UpstreamEndpoint endpoint, ClientAnswer answer,
        byte[] clientId, CancellationToken cancellationToken)
    {
        var gatewayId = UpstreamCall.NewRequestId();
        var body = UpstreamCall.Build(gatewayId, call, request.UpstreamName!, call.ProgressToken is null ? null : gatewayId);
        // From here on a cancellation is the client's: the target is told explicitly, as McpClientTarget does.
        await using var cancelUpstream = cancellationToken.Register(() => _ = SendCancelledAsync(endpoint, gatewayId));
        using var response = await endpoint.PostAsync(body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"MCP target answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return await ReadEventStreamAsync(response, call, request, endpoint, answer, clientId, gatewayId, cancellationToken);
        }

        using var buffer = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync(cancellationToken)).CopyToAsync(buffer, cancellationToken);
        return await OnUpstreamMessageAsync(buffer.ToArray(), call, request, endpoint, answer, clientId, gatewayId, cancellationToken)
            ?? throw new IOException("the target's answer ended without a response");
    }

    /// <summary>
    /// Reads the call's event stream to its answer. A stream that ends first, after events with ids, is resumed as the
    /// SDK client resumes one: after the target's <c>retry</c> interval (1 s when it gave none), a GET with
    /// <c>Last-Event-ID</c>, up to <see cref="MaxResumptions"/> times in a row; a stream without ids cannot be resumed.
    /// </summary>
    private async Task<(string Outcome, byte[] Final)> ReadEventStreamAsync(HttpResponseMessage response, ForwardedRequest call, FederatedRequest request,
        UpstreamEndpoint endpoint, ClientAnswer answer, byte[] clientId, string gatewayId, CancellationToken cancellationToken)
    {
        var current = response;
        string? lastEventId = null;
        var retry = DefaultResumeDelay;
        try
        {
            for (var resumptions = 0; ; resumptions++)
            {
                var parser = SseParser.Create(await current.Content.ReadAsStreamAsync(cancellationToken), static (_, data) => data.ToArray());
                await foreach (var item in parser.EnumerateAsync(cancellationToken))
                {
                    if (item.EventType == SseParser.EventTypeDefault && item.Data.Length > 0
                        && await OnUpstreamMessageAsync(item.Data, call, request, endpoint, answer, clientId, gatewayId, cancellationToken) is { } final)
                    {
                        return final;
                    }
                }

                lastEventId = string.IsNullOrEmpty(parser.LastEventId) ? lastEventId : parser.LastEventId;
                retry = parser.ReconnectionInterval > TimeSpan.Zero ? parser.ReconnectionInterval : retry;
                if (lastEventId is null || resumptions == MaxResumptions)
                {
                    throw new IOException("the target's answer ended without a response");
                }

                await Task.Delay(retry, cancellationToken);
                var resumed = await endpoint.ResumeAsync(lastEventId, cancellationToken);
                if (current != response)
                {
                    current.Dispose();
                }

                current = resumed;
                if (!current.IsSuccessStatusCode || current.Content.Headers.ContentType?.MediaType != "text/event-stream")
                {
                    throw new HttpRequestException($"MCP target answered {(int)current.StatusCode} to resuming the stream", null, current.StatusCode);
                }
            }
        }
        finally
        {
            if (current != response)
            {
                current.Dispose();
            }
        }
    }

    /// <summary>One message from the target: the final answer (returned with the outcome), progress for the client, or handled here.</summary>
    private async Task<(string Outcome, byte[] Final)?> OnUpstreamMessageAsync(byte[] json, ForwardedRequest call, FederatedRequest request, UpstreamEndpoint endpoint,
        ClientAnswer answer, byte[] clientId, string gatewayId, CancellationToken cancellationToken)
    {
        var message = UpstreamMessage.Read(json);
        switch (message.Kind)
        {
            case UpstreamMessageKind.Response or UpstreamMessageKind.Error when message.Id == gatewayId:
                var final = message.Kind == UpstreamMessageKind.Error ? AsRemoteError(json, clientId) : message.WithId(json, clientId);
                if (message.Kind == UpstreamMessageKind.Response && request.Targets!.Prefixed && json.AsSpan().IndexOf("\"uri\""u8) >= 0)
                {
                    final = ExposeUris(final, call.Method, request.Target!.Name);
                }

                return (message.Kind == UpstreamMessageKind.Error ? "error" : message.ToolError ? "tool_error" : "ok", final);
            case UpstreamMessageKind.Notification when message.Method == NotificationMethods.ProgressNotification:
                if (call.ProgressToken is { } token && UpstreamCall.ProgressTokenOf(json) == gatewayId)
                {
                    await answer.WriteEventAsync(UpstreamCall.WithClientToken(json, token), cancellationToken);
                }

                return null;
            case UpstreamMessageKind.Notification when message.Method is NotificationMethods.ToolListChangedNotification
                or NotificationMethods.PromptListChangedNotification or NotificationMethods.ResourceListChangedNotification:
                // What the shared connection's handler does with a list change it receives (see UpstreamTargetFactory).
                request.Target!.Lists.OnListChanged(message.Method);
                _ = _sharedCallbacks.OnListChangedAsync(request.Target.Name, message.Method, CancellationToken.None).AsTask();
                return null;
            case UpstreamMessageKind.Request:
                // The shared connection declared no client capabilities, so only ping is expected; nothing may hang the call.
                var id = System.Text.Encoding.UTF8.GetString(json.AsSpan(message.IdStart, message.IdEnd - message.IdStart));
                var reply = message.Method == RequestMethods.Ping
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
                _ = SendQuietlyAsync(endpoint, reply);
                return null;
            default:
                // Log messages and resource updates are not broadcast on shared connections (they would leak across users).
                return null;
        }
    }

    /// <summary>
    /// Prefixed backends expose resource URIs under the target's prefix, as the SDK path's handlers do: those embedded
    /// in a tool result or a prompt's messages, and a read resource's own. This one result is decoded for it.
    /// </summary>
    private static byte[] ExposeUris(byte[] response, string method, string target) => method switch
    {
        RequestMethods.ToolsCall => Rewrite<CallToolResult>(response, r => FederatedNames.ExposeUris(r.Content, target, prefixed: true)),
        RequestMethods.PromptsGet => Rewrite<GetPromptResult>(response, r => FederatedNames.ExposeUris(r.Messages.Select(static m => m.Content), target, prefixed: true)),
        RequestMethods.ResourcesRead => Rewrite<ReadResourceResult>(response, r =>
        {
            foreach (var contents in r.Contents)
            {
                contents.Uri = FederatedNames.ExposeUri(target, contents.Uri, prefixed: true);
            }
        }),
        _ => response,
    };

    private static byte[] Rewrite<TResult>(byte[] response, Action<TResult> expose)
    {
        var options = McpJsonUtilities.DefaultOptions;
        if (JsonSerializer.Deserialize(response, options.GetTypeInfo(typeof(JsonRpcMessage))) is not JsonRpcResponse { Result: { } node } message
            || node.Deserialize(options.GetTypeInfo(typeof(TResult))) is not TResult result)
        {
            return response;
        }

        expose(result);
        message.Result = JsonSerializer.SerializeToNode(result, options.GetTypeInfo(typeof(TResult)));
        return JsonSerializer.SerializeToUtf8Bytes(message, options.GetTypeInfo(typeof(JsonRpcMessage)));
    }

    /// <summary>
    /// The target's JSON-RPC error as the SDK path passes it on: same code and data, the message prefixed as the SDK
    /// client's exception words it ("Request failed (remote): …"), so clients see one error whichever path served them.
    /// </summary>
    private static byte[] AsRemoteError(byte[] json, byte[] clientId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["id"] = System.Text.Json.Nodes.JsonNode.Parse(clientId);
        if (node["error"] is System.Text.Json.Nodes.JsonObject error)
        {
            error["message"] = "Request failed (remote): " + (error["message"]?.GetValue<string>() ?? "");
        }

        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    private static byte[] ErrorMessage(byte[] clientId, int code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WritePropertyName("id"u8);
            json.WriteRawValue(clientId, skipInputValidation: true);
            json.WriteStartObject("error"u8);
            json.WriteNumber("code"u8, code);
            json.WriteString("message"u8, message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task WriteFinalAsync(ClientAnswer answer, byte[] final, CancellationToken cancellationToken)
    {
        try
        {
            await answer.WriteFinalAsync(final, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; there is no one left to tell (the target answered: it is not at fault).
        }
    }

    private static Task SendCancelledAsync(UpstreamEndpoint endpoint, string gatewayId) =>
        SendQuietlyAsync(endpoint,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"" + gatewayId + "\",\"reason\":\"cancelled by the client\"}}");

    private static async Task SendQuietlyAsync(UpstreamEndpoint endpoint, string json)
    {
        try
        {
            await endpoint.SendAsync(json, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            // The target is gone; there is nothing left to tell it.
        }
    }
}
