namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>What the test tools observed, for assertions.</summary>
public sealed class TestToolState
{
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? LastTraceparent { get; set; }

    public string? LastAuthorization { get; set; }
}
