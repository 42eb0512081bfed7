namespace AgentGateway.Llm.Cache;

/// <summary>Source-generated log messages of the response cache (ids clear of the Llm folder's shared Log). Never keys of callers or prompts.</summary>
internal static partial class ResponseCacheLog
{
    [LoggerMessage(101, LogLevel.Warning, "LLM response cache: Redis {Operation} failed ({ExceptionType}); treated as a miss")]
    public static partial void StoreUnavailable(ILogger logger, string operation, string exceptionType);
}
