namespace AgentGateway.A2A.Protocol.V1;

/// <summary>v1.0 task states: the protobuf enum names, which is how ProtoJSON writes them.</summary>
internal static class TaskStates
{
    public const string Unspecified = "TASK_STATE_UNSPECIFIED";
    public const string Submitted = "TASK_STATE_SUBMITTED";
    public const string Working = "TASK_STATE_WORKING";
    public const string Completed = "TASK_STATE_COMPLETED";
    public const string Failed = "TASK_STATE_FAILED";
    public const string Canceled = "TASK_STATE_CANCELED";
    public const string InputRequired = "TASK_STATE_INPUT_REQUIRED";
    public const string Rejected = "TASK_STATE_REJECTED";
    public const string AuthRequired = "TASK_STATE_AUTH_REQUIRED";

    public static bool IsTerminal(string state) => state is Completed or Canceled or Failed or Rejected;

    public static bool IsInterrupted(string state) => state is InputRequired or AuthRequired;
}
