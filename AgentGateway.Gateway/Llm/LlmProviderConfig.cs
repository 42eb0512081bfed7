namespace AgentGateway.Llm;

/// <summary>One upstream model provider of an llm backend.</summary>
public sealed record LlmProviderConfig
{
    public string Name { get; init; } = "";

    /// <summary>openai | azure-openai | anthropic | ollama | gemini | gemini-native | vertex | bedrock | openai-compatible | mock.</summary>
    public string Type { get; init; } = "";

    /// <summary>API root (OpenAI style ends in <c>/v1</c>; Anthropic and Ollama are the host root).</summary>
    public string? BaseUrl { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Models served; <c>*</c> wildcards allowed (<c>claude-*</c>). Empty = any model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Azure OpenAI deployment name (defaults to the model name).</summary>
    public string? Deployment { get; init; }

    /// <summary>Azure OpenAI <c>api-version</c> query value.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Forward the client's own Authorization / x-api-key instead of <see cref="ApiKey"/>.</summary>
    public bool Passthrough { get; init; }

    /// <summary>Time allowed until the provider's first byte (e.g. <c>30s</c>); default 120s.</summary>
    public string? Timeout { get; init; }

    /// <summary>Azure OpenAI authentication: api key (default) or Microsoft Entra ID.</summary>
    public AzureAuthConfig? Azure { get; init; }

    /// <summary>AWS Bedrock: region and SigV4 credentials.</summary>
    public AwsProviderConfig? Aws { get; init; }

    /// <summary>Vertex AI: project, location and Google credentials.</summary>
    public GoogleProviderConfig? Google { get; init; }

    /// <summary>TLS towards <see cref="BaseUrl"/>: private CA, client certificate (mTLS), name to verify.</summary>
    public Traffic.BackendTlsConfig? Tls { get; init; }

    /// <summary>Model → price (USD per million tokens) of this provider, over the backend's and the shipped defaults.</summary>
    public IReadOnlyDictionary<string, Cost.ModelPriceConfig> Prices { get; init; } = new Dictionary<string, Cost.ModelPriceConfig>();
}
