#pragma warning disable MCP9006 // Stateful sessions with resumable streams are how the gateway serves 2025-x clients (DESIGN.md §5).
using AgentGateway.Mcp.Relay;
using AgentGateway.Mcp.Sessions;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>The steps of <see cref="HandleAsync"/>, in the order it takes them. A step that answers the request returns false or null.</summary>
internal sealed partial class McpBackendRuntime
{
    /// <summary>DNS-rebinding protection (see <see cref="OriginValidator"/>).</summary>
    private async ValueTask<bool> CheckOriginAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (OriginValidator.IsAllowed(origin, Config.AllowedOrigins))
        {
            return true;
        }

        Log.OriginRejected(_logger, origin, Name);
        await McpHttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden, -32000, "Forbidden: Origin not allowed");
        return false;
    }

    /// <summary>
    /// A request naming a session is admitted when the session's record binds it to this backend and this principal
    /// (see <see cref="McpClientSession.Admit"/>); returns the record when there is one. An unknown session id passes:
    /// the SDK answers it.
    /// </summary>
    private async Task<(bool Admitted, McpSessionRecord? Record)> AdmitSessionAsync(HttpContext context)
    {
        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        if (sessionId.Length == 0)
        {
            return (true, null);
        }

        McpSessionRecord? record;
        try
        {
            // Read and slid in one step (one GETEX on Redis); a request refused below slides it too, which only keeps
            // alive a session that someone holding its id keeps asking about.
            record = await Store.GetAndTouchAsync(sessionId, Ttl, context.RequestAborted);
            if (record is null)
            {
                if (_table.Find(sessionId) is { IsOpen: true } session)
                {
                    // Deleted through another replica, or expired everywhere: this replica's copy must not outlive it.
                    await DropUpstreamConnectionsAsync(session);
                    await McpHttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, -32001, "Session not found");
                    return (false, null);
                }

                return (true, null); // unknown: the SDK answers 404 "Session not found"
            }

            switch (McpClientSession.Admit(record, Name, McpPrincipal.Of(context.User)))
            {
                case SessionAdmission.OtherBackend:
                    await McpHttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, -32001, "Session not found");
                    return (false, record);
                case SessionAdmission.OtherPrincipal:
                    await McpHttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden, -32000, "Forbidden: the session belongs to another principal");
                    return (false, record);
            }

            return (true, record);
        }
        catch (StackExchange.Redis.RedisException)
        {
            // A session store outage is the gateway's problem, not a bad request: say so instead of a bare 500.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, -32603, "Session store unavailable");
            return (false, null);
        }
    }

    /// <summary>The SDK endpoint for the remaining path and method; 404 or 405 (with <c>Allow</c>) otherwise.</summary>
    private async ValueTask<RequestDelegate?> MatchEndpointAsync(HttpContext context)
    {
        var (handler, status, allow) = _host.Endpoints.Match(context.Request.Path, context.Request.Method);
        if (handler is not null)
        {
            return handler;
        }

        if (allow is not null)
        {
            context.Response.Headers.Allow = allow;
        }

        await McpHttpErrors.WriteAsync(context, status, -32000, status == StatusCodes.Status405MethodNotAllowed ? "Method not allowed" : "Not found");
        return null;
    }

    /// <summary>A client's answer to a server request that another replica (or this one) is waiting for goes there.</summary>
    private async ValueTask<bool> TryRelayClientAnswerAsync(HttpContext context, string sessionId)
    {
        if (sessionId.Length == 0 || await ClientResponseReader.TryReadAsync(context.Request, context.RequestAborted) is not { } answer
            || !await _relay.TryRouteAnswerAsync(sessionId, answer))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted; // as the SDK answers a POSTed response
        return true;
    }

    /// <summary>
    /// When this GET carries the session's standalone stream, this replica holds it while it runs (the returned
    /// scope): a new one, or a <c>Last-Event-ID</c> reconnection of it. The SDK resumes that stream from the event
    /// store, where only the replica whose session started it keeps writing. Anywhere else (typically: that replica
    /// died) the reconnection is served as this replica's new standalone stream, so messages reach the client again;
    /// events it missed in between are not replayed. A reconnection of a call's response stream is left to the SDK.
    /// </summary>
    private async Task<IAsyncDisposable?> TakeOverStandaloneStreamAsync(HttpContext context, string sessionId, McpSessionRecord? record)
    {
        if (record is null || !HttpMethods.IsGet(context.Request.Method))
        {
            return null;
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0
            && (EventStreams is null
                || await EventStreams.GetStreamReaderAsync(lastEventId, context.RequestAborted) is not { } resumed
                || resumed.StreamId != StreamableHttpServerTransport.UnsolicitedMessageStreamId))
        {
            return null;
        }

        if (!_table.GetOrAdd(sessionId).TakeOverStandaloneStream() && lastEventId.Length > 0)
        {
            context.Request.Headers.Remove("Last-Event-ID");
        }

        Log.StandaloneStreamOpened(_logger, sessionId);
        return await _relay.OpenStreamAsync(sessionId, message => SendToSessionAsync(sessionId, message));
    }

    /// <summary>Sends on the session's own transport here (its standalone stream), for messages relayed from other replicas.</summary>
    private Task SendToSessionAsync(string sessionId, ModelContextProtocol.Protocol.JsonRpcMessage message) =>
        _table.Find(sessionId)?.Server is { } server ? OutgoingRequests.SendAsync(server, message, CancellationToken.None) : Task.CompletedTask;

    /// <summary>A DELETE of a recorded session: marks it in progress so whoever sees the end first ends it everywhere.</summary>
    private McpClientSession? BeginDelete(HttpContext context, string sessionId, McpSessionRecord? record)
    {
        if (record is null || !HttpMethods.IsDelete(context.Request.Method))
        {
            return null;
        }

        var session = _table.GetOrAdd(sessionId);
        return session.BeginDelete(record) ? session : null;
    }

    /// <summary>The SDK serves the request; what it lets escape as a 500 but is the client's error is answered as such.</summary>
    private static async Task InvokeSdkAsync(HttpContext context, RequestDelegate handler)
    {
        try
        {
            await handler(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // e.g. the body-size limit cut the body while the SDK read it
            await McpHttpErrors.WriteAsync(context, ex.StatusCode, -32600, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request");
        }
        catch (System.Text.Json.JsonException) when (!context.Response.HasStarted)
        {
            // The SDK reads initialize params itself and lets a shape mismatch escape (a 500): the client's error, not ours.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, -32602, "Invalid params");
        }
        catch (ArgumentException) when (!context.Response.HasStarted)
        {
            // The SDK's JsonObject throws on a duplicate key when it reads the message envelope (found by
            // McpSessionBodyPropertyTests): a body with two values for one key has no single meaning, so it is refused.
            await McpHttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, -32700, "Parse error: duplicate key");
        }
    }
}
