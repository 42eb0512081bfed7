namespace AgentGateway.Llm.Wire;

/// <summary>A client error found while reading a request; becomes the API's error shape with this status.</summary>
internal sealed class LlmRequestException(int status, string message, string? param = null, string? code = null) : Exception(message)
{
    public int Status { get; } = status;

    public string? Param { get; } = param;

    public string? Code { get; } = code;
}
