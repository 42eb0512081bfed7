namespace AgentGateway.Mcp.OpenApi;

/// <summary>Reads an OpenAPI target's document from a file (relative to the config file) or an http(s) URL.</summary>
internal sealed class OpenApiToolSetLoader(IHttpClientFactory httpClientFactory)
{
    public async Task<OpenApiToolSet> LoadAsync(McpOpenApiConfig config, string baseDirectory, CancellationToken cancellationToken)
    {
        string text;
        Uri? documentUri = null;
        if (Uri.TryCreate(config.Spec, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            documentUri = uri;
            using var client = httpClientFactory.CreateClient(Routing.UpstreamHttpClient.Name);
            text = await client.GetStringAsync(uri, cancellationToken);
        }
        else
        {
            text = await File.ReadAllTextAsync(Path.GetFullPath(config.Spec, baseDirectory), cancellationToken);
        }

        return OpenApiToolBuilder.Build(text, config.BaseUrl, config.Headers, documentUri);
    }
}
