namespace AgentGateway.A2A.Protocol;

/// <summary>JSON-RPC error codes: the standard ones, the A2A ones (identical in v0.3 and v1.0) and the two the
/// gateway adds. The gateway codes sit in the implementation-defined range but away from A2A's -32001..-32009 so a
/// client never mistakes a policy denial for "task not found".</summary>
internal static class A2AErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    public const int TaskNotFound = -32001;
    public const int TaskNotCancelable = -32002;
    public const int PushNotificationNotSupported = -32003;
    public const int UnsupportedOperation = -32004;
    public const int ContentTypeNotSupported = -32005;
    public const int InvalidAgentResponse = -32006;
    public const int ExtendedAgentCardNotConfigured = -32007;
    public const int VersionNotSupported = -32009;

    /// <summary>The gateway's authorization policy denied the call.</summary>
    public const int Forbidden = -32040;

    /// <summary>The gateway could not reach the agent or the agent failed at the HTTP level.</summary>
    public const int AgentUnavailable = -32041;
}
