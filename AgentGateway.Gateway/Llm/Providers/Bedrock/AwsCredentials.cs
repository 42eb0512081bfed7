namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>An AWS access key pair, with the session token and expiry of temporary credentials.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    // Never print the secret or the session token (records print every property by default).
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
