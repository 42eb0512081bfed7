namespace AgentGateway.Llm;

/// <summary>How an <c>azure-openai</c> provider authenticates (<c>azure:</c> block).</summary>
public sealed record AzureAuthConfig
{
    /// <summary><c>apiKey</c> (default: the provider's <c>apiKey</c> in the <c>api-key</c> header) or <c>entra</c> (bearer token).</summary>
    public string Auth { get; init; } = "apiKey";

    /// <summary>
    /// With <c>entra</c>: <c>default</c> (DefaultAzureCredential: environment, workload identity, managed identity,
    /// developer tools) or <c>managedIdentity</c> (only the managed identity, e.g. on Azure Container Apps).
    /// </summary>
    public string Credential { get; init; } = "default";

    /// <summary>Entra tenant to authenticate in (DefaultAzureCredential); default: the environment's.</summary>
    public string? TenantId { get; init; }

    /// <summary>Client id of a user-assigned managed identity; default: the system-assigned identity.</summary>
    public string? ClientId { get; init; }

    /// <summary>Token scope; default <c>https://cognitiveservices.azure.com/.default</c>.</summary>
    public string? Scope { get; init; }
}
