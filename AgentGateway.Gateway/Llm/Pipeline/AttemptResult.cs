namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Outcome of trying one provider. <see cref="Retry"/> means nothing reached the client and the next provider may
/// be tried (connection failure, timeout, 429, 5xx); otherwise the response (success or error) has been written.
/// </summary>
internal sealed record AttemptResult(bool Retry, int Status, string? Message)
{
    public static readonly AttemptResult Done = new(false, 200, null);

    public static AttemptResult Failed(int status, string message) => new(true, status, message);

    public static bool IsRetryable(int status) => status is 0 or 408 or 429 or >= 500;
}
