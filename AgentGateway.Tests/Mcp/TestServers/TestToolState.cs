namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>What the test tools observed, for assertions.</summary>
public sealed class TestToolState
{
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? LastTraceparent { get; set; }

    public string? LastAuthorization { get; set; }

    /// <summary>The headers of every POST the server received, in order (what a forwarded call sent upstream).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<IReadOnlyDictionary<string, string>> PostHeaders { get; } = new();

    private int _toolLists;

    /// <summary>How many tools/list requests the server answered (all sessions): what the gateway's list cache saves.</summary>
    public int ToolListCalls => Volatile.Read(ref _toolLists);

    public void CountToolList() => Interlocked.Increment(ref _toolLists);

    /// <summary>Every MCP session the server started: true while it runs, false once it ended (DELETE or idle).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ModelContextProtocol.Server.McpServer, bool> Sessions { get; } = new();

    /// <summary>
    /// The sessions whose client declared sampling (the gateway's per-client connections, not its shared ones),
    /// by id: true while the session runs.
    /// </summary>
#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; it is how these tests tell a client's own connections apart.
    public Dictionary<string, bool> SamplingSessions => Sessions
        .Where(static s => s.Key.ClientCapabilities?.Sampling is not null)
        .ToDictionary(static s => s.Key.SessionId ?? "", static s => s.Value);
#pragma warning restore MCP9005
}
