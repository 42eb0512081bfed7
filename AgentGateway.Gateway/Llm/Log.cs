using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm;

/// <summary>Source-generated log messages of the Llm feature. Never prompts, outputs or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "LLM provider '{Provider}' failed with status {Status}; trying the next provider")]
    public static partial void ProviderFailed(ILogger logger, string provider, int status);

    [LoggerMessage(2, LogLevel.Information, "LLM provider '{Provider}' skipped until {Until:O} (Retry-After)")]
    public static partial void ProviderCoolingDown(ILogger logger, string provider, DateTimeOffset until);

    [LoggerMessage(3, LogLevel.Warning, "All {Count} LLM providers failed for model '{Model}'; last status {Status}")]
    public static partial void AllProvidersFailed(ILogger logger, int count, string model, int status);

    [LoggerMessage(4, LogLevel.Information, "LLM {Direction} blocked by guard '{Guard}'")]
    public static partial void GuardRejected(ILogger logger, string direction, string guard);

    [LoggerMessage(6, LogLevel.Debug, "LLM provider call failed with {ExceptionType}")]
    public static partial void ProviderException(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "Unexpected error in the LLM handler")]
    public static partial void Unexpected(ILogger logger, Exception exception);
}
