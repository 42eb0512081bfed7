using AgentGateway.Mcp.Sessions;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// Ends a client session's upstream sessions when the client session itself ends, from whichever replica sees the
/// end: the connections that used them were opened without owning them, because several replicas share them.
/// </summary>
internal sealed class UpstreamSessionCloser(UpstreamTargetFactory targets, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggerFactory.CreateLogger("AgentGateway.Mcp.Upstream");

    public Task CloseAsync(McpBackendConfig config, IReadOnlyDictionary<string, UpstreamSessionState> sessions) =>
        Task.WhenAll(sessions.Select(s => config.Targets.FirstOrDefault(t => t.Name == s.Key) is { Url: not null } target
            ? CloseAsync(target, s.Value)
            : Task.CompletedTask));

    private async Task CloseAsync(McpTargetConfig target, UpstreamSessionState session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, target.Url);
        foreach (var (name, value) in target.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Mcp-Session-Id", session.SessionId);
        if (session.ProtocolVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", version);
        }

        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            using var client = targets.HttpClientFor(target);
            using var response = await client.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Log.UpstreamSessionCloseFailed(_logger, target.Name, ex.Message); // the server's idle timeout ends it anyway
        }
    }
}
