#pragma warning disable MCP9006 // Stateful sessions with resumable streams are how the gateway serves 2025-x clients (DESIGN.md §5).
using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Forwarding;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// The forwarding path: a <c>tools/call</c>, <c>prompts/get</c>, <c>resources/read</c> or <c>completion/complete</c>
/// that goes to one connected Streamable HTTP target, on a session open here
/// that uses the backend's shared connections, is resolved and authorized exactly as the SDK path does it (the same
/// <see cref="FederatedHandlers"/> resolution and <see cref="McpAuthorization"/> call), then POSTed to the target
/// as bytes, and the target's answer is copied back with only the id (and progress token) changed. Everything else
/// takes the SDK path unchanged; see docs/mcp.md ("Forwarding path") for which requests and why.
/// </summary>
internal sealed partial class McpBackendRuntime
{
    private readonly ForwardedCalls _forwarded = new();

    /// <summary>
    /// Serves the request when it is a forwardable request (or the client's cancellation of one); false leaves every
    /// byte of the body for the SDK.
    /// </summary>
    private async ValueTask<bool> TryForwardAsync(HttpContext context, string sessionId)
    {
        if (await ForwardableSessionAsync(context, sessionId) is not { } server)
        {
            return false;
        }

        var pipe = context.Request.BodyReader;
        ReadResult read;
        try
        {
            read = await ReadBodyAsync(pipe, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // the body-size limit, answered as the SDK path answers it
            await McpHttpErrors.WriteAsync(context, ex.StatusCode, -32600, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request");
            return true;
        }

        var body = read.Buffer;
        // A request is read only when it can be one (a method escaped as "tools\/call" is simply left to the SDK). A
        // forwarded request does not reset the SDK's idle timer for the session, so once half of it has passed since
        // the SDK last served the session, a request goes through the SDK, which does.
        var call = ForwardedRequest.MayBeOne(body) && _table.Find(sessionId) is { } session && session.SdkSeenWithin(Ttl / 2)
            ? ForwardedRequest.TryRead(body) : null;
        if (call is null)
        {
            var cancelled = _forwarded.Any(sessionId) && CancelledRequestId(body) is { } requestId && _forwarded.TryCancel(sessionId, requestId);
            pipe.AdvanceTo(cancelled ? body.End : body.Start);
            if (cancelled)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted; // as the SDK answers a notification
            }

            return cancelled;
        }

        using (call)
        {
            var startedAt = DateTime.UtcNow;
            FederatedRequest? request;
            try
            {
                request = await ResolveAsync(server, call, context.RequestAborted);
            }
            catch (McpProtocolException)
            {
                // Unknown name or URI, or no target: the SDK path gives the same error from the same resolution.
                request = null;
            }

            if (request is null || EndpointOf(request.Target!) is not { } endpoint)
            {
                pipe.AdvanceTo(body.Start); // what the SDK path resolves otherwise, or not a Streamable HTTP target: the SDK path serves it
                return false;
            }

            pipe.AdvanceTo(body.End);
            await ForwardAsync(context, sessionId, call, request, endpoint, startedAt);
            return true;
        }
    }

    /// <summary>
    /// The request resolved by the same <see cref="FederatedHandlers"/> method the SDK path's filters and handlers use;
    /// null when the SDK path must serve it (see the cases).
    /// </summary>
    private async ValueTask<FederatedRequest?> ResolveAsync(McpServer server, ForwardedRequest call, CancellationToken ct)
    {
        var message = new JsonRpcRequest { Id = RequestIdOf(call.Id), Method = call.Method };
        switch (call.Method)
        {
            case RequestMethods.ToolsCall:
                return await _handlers.ResolveToolAsync(new RequestContext<CallToolRequestParams>(server, message, new CallToolRequestParams { Name = call.Name }), ct);
            case RequestMethods.PromptsGet:
                return await _handlers.ResolvePromptAsync(new RequestContext<GetPromptRequestParams>(server, message, new GetPromptRequestParams { Name = call.Name }), ct);
            case RequestMethods.ResourcesRead:
                var read = await _handlers.ResolveResourceAsync(new RequestContext<ReadResourceRequestParams>(server, message, new ReadResourceRequestParams { Uri = call.Name }),
                    call.Name, ct);
                if (read.Candidates is not [var only])
                {
                    return null; // an unprefixed URI of unknown owner is tried on several targets in turn (or none owns it): the SDK path does that
                }

                (read.Target, read.UpstreamName) = only;
                return read;
            default:
                Reference reference = call.PromptReference
                    ? new PromptReference { Name = call.Name, Title = call.ReferenceTitle }
                    : new ResourceTemplateReference { Uri = call.Name };
                var completion = new CompleteRequestParams { Ref = reference, Argument = new Argument { Name = call.CompletionArgument.Name, Value = call.CompletionArgument.Value } };
                var complete = await _handlers.ResolveCompletionAsync(new RequestContext<CompleteRequestParams>(server, message, completion), ct);
                // A target without completions is not asked: the SDK path answers with an empty completion.
                return complete.Target!.Current is { Capabilities.Completions: not null } ? complete : null;
        }
    }

    /// <summary>The session's SDK server when a POST on it may be forwarded at all; null otherwise (decided before reading the body).</summary>
    private async ValueTask<McpServer?> ForwardableSessionAsync(HttpContext context, string sessionId)
    {
        var http = context.Request;
        if (sessionId.Length == 0 || !HttpMethods.IsPost(http.Method) || (http.Path.Value ?? "").Trim('/').Length != 0
            || _table.Find(sessionId) is not { Server: { } server } session
            || SessionUpstream.NeedsOwnConnections(server.ClientCapabilities)
            || RevisionBridge.Predates(server.NegotiatedProtocolVersion, RevisionBridge.June2025)
            || http.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            // Sessions with connections of their own can be asked for sampling, elicitation or roots during a call,
            // which the SDK path routes (and relays between replicas); older clients get RevisionBridge's rewriting.
            return null;
        }

        var version = http.Headers["MCP-Protocol-Version"].ToString();
        if (!AcceptsJsonAndEventStream(http) || (version.Length > 0 && version != server.NegotiatedProtocolVersion))
        {
            return null; // what the SDK refuses (406, 400) it refuses itself
        }

        // The session's upstream side is built on its first request, as ResolveTargetsAsync would build it.
        var upstream = session.ReadyUpstream ?? await session.GetUpstreamAsync(() => CreateUpstreamAsync(server)).WaitAsync(context.RequestAborted);
        return upstream.OwnTargets is null ? server : null;
    }

    /// <summary>
    /// The target as a plain HTTP endpoint when it is connected over Streamable HTTP with a session (the legacy SSE
    /// transport, also what auto-detection may fall back to, has no session id); null otherwise.
    /// </summary>
    private UpstreamEndpoint? EndpointOf(TargetConnection connection)
    {
        var config = connection.Config;
        if (config.Url is null || config.Transport.Equals(McpTransportKinds.Sse, StringComparison.OrdinalIgnoreCase)
            || connection.Current is not McpClientTarget { Session.SessionId: { } upstreamSession } target)
        {
            return null;
        }

        var pool = _factory.ForwardingPoolFor(config);
        return new UpstreamEndpoint(pool.Invoker, pool.Url, config.Headers, upstreamSession, target.ProtocolVersion);
    }

    /// <summary>The client accepts both answer forms, as Streamable HTTP requires (the SDK refuses anything else with a 406).</summary>
    private static bool AcceptsJsonAndEventStream(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(ReadOnlySequence<byte> body, ReadOnlySpan<byte> value) =>
        body.IsSingleSegment ? body.FirstSpan.IndexOf(value) >= 0 : body.ToArray().AsSpan().IndexOf(value) >= 0;

    private static async ValueTask<ReadResult> ReadBodyAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            if (read.IsCompleted || read.IsCanceled)
            {
                return read;
            }

            pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End); // nothing consumed; wake up when more has arrived
        }
    }

    /// <summary>The request id a client's <c>notifications/cancelled</c> names; null for any other body.</summary>
    private static JsonElement? CancelledRequestId(ReadOnlySequence<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("id"u8, out _)
                && root.TryGetProperty("method"u8, out var method) && method.ValueEquals(NotificationMethods.CancelledNotification)
                && root.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("requestId"u8, out var id)
                ? id.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RequestId RequestIdOf(JsonElement id) =>
        id.ValueKind == JsonValueKind.String ? new RequestId(id.GetString()!) : new RequestId(id.GetInt64());
}
