namespace AgentGateway.A2A.Protocol.V03;

internal static class TaskStates
{
    public const string Submitted = "submitted";
    public const string Working = "working";
    public const string InputRequired = "input-required";
    public const string Completed = "completed";
    public const string Canceled = "canceled";
    public const string Failed = "failed";
    public const string Rejected = "rejected";
    public const string AuthRequired = "auth-required";
    public const string Unknown = "unknown";

    /// <summary>States after which the task never changes again (a stream ends).</summary>
    public static bool IsTerminal(string state) => state is Completed or Canceled or Failed or Rejected;

    /// <summary>States where the stream ends although the task is not over (the client must act).</summary>
    public static bool IsInterrupted(string state) => state is InputRequired or AuthRequired;
}
