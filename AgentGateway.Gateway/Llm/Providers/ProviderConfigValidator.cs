using AgentGateway.Configuration;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// Checks the provider-specific blocks (<c>aws</c>, <c>google</c>, <c>azure</c>) of one provider: each only on its
/// own type, with the keys its authentication needs. Reports every error.
/// </summary>
internal static class ProviderConfigValidator
{
    private static readonly string[] AwsCredentialModes = ["auto", "config", "environment", "instance"];
    private static readonly string[] AzureAuthModes = ["apiKey", "entra"];
    private static readonly string[] AzureCredentials = ["default", "managedIdentity"];

    public static void Validate(string at, LlmProviderConfig p, ProviderType? type, ConfigValidationContext context)
    {
        OnlyFor(at + ".aws", p.Aws, type, ProviderType.Bedrock, "bedrock", context);
        OnlyFor(at + ".google", p.Google, type, ProviderType.Vertex, "vertex", context);
        OnlyFor(at + ".azure", p.Azure, type, ProviderType.AzureOpenAi, "azure-openai", context);
        switch (type)
        {
            case ProviderType.Bedrock:
                Aws(at, p, context);
                break;
            case ProviderType.Vertex when string.IsNullOrWhiteSpace(p.Google?.Project):
                context.Error($"{at}.google.project", "is required for type 'vertex'");
                break;
            case ProviderType.GeminiNative when string.IsNullOrEmpty(p.ApiKey) && !p.Passthrough:
                context.Error($"{at}.apiKey", "is required for type 'gemini-native' (or passthrough: true)");
                break;
            case ProviderType.AzureOpenAi when p.Azure is { } azure:
                Azure(at + ".azure", p, azure, context);
                break;
        }
    }

    private static void OnlyFor(string at, object? block, ProviderType? type, ProviderType owner, string ownerName, ConfigValidationContext context)
    {
        if (block is not null && type is not null && type != owner)
        {
            context.Error(at, $"only applies to type '{ownerName}'");
        }
    }

    private static void Aws(string at, LlmProviderConfig p, ConfigValidationContext context)
    {
        var aws = p.Aws ?? new AwsProviderConfig();
        if (Bedrock.BedrockRegion.Of(p) is null)
        {
            context.Error($"{at}.aws.region", "is required for type 'bedrock' (or set AWS_REGION)");
        }

        if (!AwsCredentialModes.Contains(aws.Credentials, StringComparer.OrdinalIgnoreCase))
        {
            context.Error($"{at}.aws.credentials", $"must be one of: {string.Join(", ", AwsCredentialModes)}");
        }

        if (string.IsNullOrEmpty(aws.AccessKeyId) != string.IsNullOrEmpty(aws.SecretAccessKey))
        {
            context.Error($"{at}.aws", "accessKeyId and secretAccessKey go together");
        }

        if (string.Equals(aws.Credentials, "config", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(aws.AccessKeyId))
        {
            context.Error($"{at}.aws.accessKeyId", "is required with credentials: config");
        }
    }

    private static void Azure(string at, LlmProviderConfig p, AzureAuthConfig azure, ConfigValidationContext context)
    {
        if (!AzureAuthModes.Contains(azure.Auth, StringComparer.OrdinalIgnoreCase))
        {
            context.Error($"{at}.auth", $"must be one of: {string.Join(", ", AzureAuthModes)}");
        }

        if (!AzureCredentials.Contains(azure.Credential, StringComparer.OrdinalIgnoreCase))
        {
            context.Error($"{at}.credential", $"must be one of: {string.Join(", ", AzureCredentials)}");
        }

        if (string.Equals(azure.Auth, "entra", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(p.ApiKey))
        {
            context.Error($"{at}.auth", "'entra' sends a bearer token; remove the provider's apiKey");
        }

        if (azure.Scope is { Length: > 0 } scope && !Uri.TryCreate(scope, UriKind.Absolute, out _))
        {
            context.Error($"{at}.scope", "must be an absolute URI (e.g. https://cognitiveservices.azure.com/.default)");
        }
    }
}
