namespace AgentGateway.Llm;

/// <summary>Google Cloud settings of a <c>vertex</c> provider (<c>google:</c> block).</summary>
public sealed record GoogleProviderConfig
{
    /// <summary>Google Cloud project id.</summary>
    public string? Project { get; init; }

    /// <summary>Region (<c>us-central1</c>) or <c>global</c> (default).</summary>
    public string? Location { get; init; }

    /// <summary>
    /// A service-account key file; default: application-default credentials (<c>GOOGLE_APPLICATION_CREDENTIALS</c>,
    /// gcloud's user credentials, or the metadata server on Google Cloud).
    /// </summary>
    public string? CredentialsFile { get; init; }
}
