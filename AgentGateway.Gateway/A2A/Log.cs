namespace AgentGateway.A2A;

/// <summary>Source-generated log messages of the A2A feature. Ids and names only: never message content or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "A2A route {Route}: agent {Agent} is unreachable at {Upstream}: {Reason}")]
    public static partial void AgentUnreachable(ILogger logger, string route, string agent, Uri upstream, string reason);

    [LoggerMessage(2, LogLevel.Information, "A2A route {Route}: {Method} on agent {Agent} denied by policy")]
    public static partial void Denied(ILogger logger, string route, string agent, string method);

    [LoggerMessage(3, LogLevel.Warning, "A2A route {Route}: agent {Agent} returned an unusable card ({Reason})")]
    public static partial void BadCard(ILogger logger, string route, string agent, string reason);

    [LoggerMessage(4, LogLevel.Debug, "A2A route {Route}: rejected a request to agent {Agent}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string route, string agent, string reason);
}
