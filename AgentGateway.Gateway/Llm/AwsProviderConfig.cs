namespace AgentGateway.Llm;

/// <summary>AWS settings of a <c>bedrock</c> provider (<c>aws:</c> block).</summary>
public sealed record AwsProviderConfig
{
    /// <summary>Region (<c>us-east-1</c>); default: <c>AWS_REGION</c> / <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Where SigV4 credentials come from: <c>auto</c> (default: the keys below when set, else the environment,
    /// else the instance role), <c>config</c>, <c>environment</c> or <c>instance</c> (EC2 IMDSv2).
    /// </summary>
    public string Credentials { get; init; } = "auto";

    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }
}
