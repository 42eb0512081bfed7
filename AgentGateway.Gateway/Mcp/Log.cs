using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp;

/// <summary>Source-generated log messages of the MCP gateway. Never log tool arguments, prompts or tokens here.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "MCP target '{Target}' connected (protocol {ProtocolVersion})")]
    public static partial void TargetConnected(ILogger logger, string target, string protocolVersion);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "MCP target '{Target}' disconnected; reconnecting")]
    public static partial void TargetDisconnected(ILogger logger, string target);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "MCP target '{Target}' could not connect (retry in {RetryMs} ms): {ErrorType}: {Error}")]
    public static partial void TargetConnectFailed(ILogger logger, string target, double retryMs, string errorType, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "MCP target '{Target}' stderr: {Line}")]
    public static partial void TargetStderr(ILogger logger, string target, string line);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "MCP backend '{Backend}': {Kind} '{Name}' of target '{Target}' collides with an exposed name from another target and is left out (prefix: never)")]
    public static partial void NameCollision(ILogger logger, string backend, string kind, string name, string target);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "MCP backend '{Backend}': target '{Target}' failed during {Method}: {Error}")]
    public static partial void TargetListFailed(ILogger logger, string backend, string target, string method, string error);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "MCP backend '{Backend}' started with {TargetCount} targets")]
    public static partial void BackendStarted(ILogger logger, string backend, int targetCount);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "MCP request rejected: Origin '{Origin}' is not allowed on backend '{Backend}'")]
    public static partial void OriginRejected(ILogger logger, string origin, string backend);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "MCP session {SessionId} ended on backend '{Backend}'")]
    public static partial void SessionEnded(ILogger logger, string sessionId, string backend);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Forwarding a notification to MCP session {SessionId} failed: {Error}")]
    public static partial void ForwardFailed(ILogger logger, string? sessionId, string error);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "sessions.store is redis but no connection string 'redis' is configured: MCP sessions are kept in memory (this replica only)")]
    public static partial void RedisSessionStoreMissing(ILogger logger);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "MCP relay between replicas unavailable (Redis: {Error}); server messages reach only clients whose streams are on this replica")]
    public static partial void RelayUnavailable(ILogger logger, string error);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Debug, Message = "MCP relay: no replica took the {What} for session {SessionId}")]
    public static partial void RelayUndelivered(ILogger logger, string what, string sessionId);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "MCP session store (Redis) unreachable ({Reason}): serving sessions from this replica's memory until it is back")]
    public static partial void SessionStoreFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "MCP session store (Redis) reachable again")]
    public static partial void SessionStoreRecovered(ILogger logger);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Warning, Message = "MCP event store (Redis) unreachable ({Error}): streams continue without resumability until it is back")]
    public static partial void EventStoreUnavailable(ILogger logger, string error);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Debug, Message = "MCP target '{Target}': resumed the upstream session another replica opened")]
    public static partial void UpstreamSessionResumed(ILogger logger, string target);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Information, Message = "MCP target '{Target}': the stored upstream session could not be resumed ({Error}); opening a new one")]
    public static partial void UpstreamSessionResumeFailed(ILogger logger, string target, string error);

    [LoggerMessage(EventId = 4019, Level = LogLevel.Debug, Message = "MCP target '{Target}': ending the upstream session failed ({Error})")]
    public static partial void UpstreamSessionCloseFailed(ILogger logger, string target, string error);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "MCP session {SessionId}: the client's standalone stream is open on this replica")]
    public static partial void StandaloneStreamOpened(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Recording the upstream sessions of MCP session {SessionId} failed ({Error}); other replicas will open new ones")]
    public static partial void UpstreamSessionsNotRecorded(ILogger logger, string sessionId, string error);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Debug, Message = "MCP target '{Target}': a forwarded call failed ({Error}); answered as a disconnection")]
    public static partial void ForwardedCallFailed(ILogger logger, string target, string error);
}
