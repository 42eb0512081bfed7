namespace MockLlm;

/// <summary>
/// Per-instance behaviour of the mock model server. Bound from the "MockLlm" configuration section
/// (env <c>MockLlm__FailStatus=503</c>) so a whole instance can play "the failing provider".
/// Request headers (x-mock-*) override these per request.
/// </summary>
public sealed class MockLlmOptions
{
    /// <summary>Answer every model request with this HTTP status (e.g. 503, 429, 400).</summary>
    public int? FailStatus { get; set; }

    /// <summary>Seconds to put in a <c>Retry-After</c> header on failures.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Only the first N model requests fail (null = all of them).</summary>
    public int? FailFirst { get; set; }

    /// <summary>Abort the connection before any response byte is sent.</summary>
    public bool DropConnection { get; set; }

    /// <summary>Abort a stream after this many data chunks.</summary>
    public int? DropAfterChunks { get; set; }

    /// <summary>Delay before answering, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Characters per streamed text chunk; 0 streams word by word.</summary>
    public int ChunkSize { get; set; }

    /// <summary>Whether responses report token usage (turn off to exercise client-side counting).</summary>
    public bool IncludeUsage { get; set; } = true;

    /// <summary>Serve HTTPS with this certificate (tests of the gateway's backend TLS); null serves plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// Chat streams (OpenAI, Anthropic) pause after their first content chunk until this task completes, so a test can
    /// see what reached the client while the model is still "thinking"; null streams straight through.
    /// </summary>
    public Task? HoldAfterFirstContent { get; set; }

    /// <summary>Bedrock: answer streams with this exception frame first (e.g. <c>throttlingException</c>).</summary>
    public string? StreamException { get; set; }

    /// <summary>Bedrock: the access key id SigV4 signatures must name (null = any).</summary>
    public string? AwsAccessKeyId { get; set; }

    /// <summary>Bedrock: verify SigV4 signatures with this secret (null = check only the header's shape).</summary>
    public string? AwsSecretAccessKey { get; set; }

    /// <summary>Bedrock: the API key (bearer token) accepted instead of a signature (null = any bearer).</summary>
    public string? AwsBearerToken { get; set; }

    /// <summary>Lifetime of the managed-identity tokens the mock issues (<c>GET /msi/token</c>).</summary>
    public int EntraTokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Models listed by <c>GET /v1/models</c>.</summary>
    public IList<string> Models { get; } = ["mock-gpt", "mock-claude", "mock-embed"];
}
