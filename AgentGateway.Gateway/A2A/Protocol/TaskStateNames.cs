namespace AgentGateway.A2A.Protocol;

/// <summary>Translates task states between v0.3 ("input-required") and v1.0 ("TASK_STATE_INPUT_REQUIRED").</summary>
internal static class TaskStateNames
{
    private const string V1Prefix = "TASK_STATE_";

    public static string ToV03(string state) =>
        state.StartsWith(V1Prefix, StringComparison.Ordinal)
            ? state[V1Prefix.Length..].ToLowerInvariant().Replace('_', '-')
            : state;

    public static string ToV1(string state) =>
        state.StartsWith(V1Prefix, StringComparison.Ordinal)
            ? state
            : V1Prefix + state.ToUpperInvariant().Replace('-', '_');
}
