namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>The region a Bedrock provider signs for: <c>aws.region</c>, else the AWS tools' environment variables.</summary>
internal static class BedrockRegion
{
    public static string? Of(LlmProviderConfig config) =>
        config.Aws?.Region is { Length: > 0 } region ? region
        : Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } env ? env
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } fallback ? fallback
        : null;
}
