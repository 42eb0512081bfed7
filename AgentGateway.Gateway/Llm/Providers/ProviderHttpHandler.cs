using System.Net.Http.Headers;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// The last handler before the network for one provider: sets the provider's credential in its own scheme
/// (never the client's, unless passthrough), adds Azure's api-version, and records Retry-After for failover.
/// </summary>
internal sealed class ProviderHttpHandler(ProviderHealth health, string healthKey, ProviderType type, LlmProviderConfig config, ClientCredential? caller = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var secret = config.Passthrough ? caller?.Secret : config.ApiKey;
        request.Headers.Authorization = null;
        request.Headers.Remove("x-api-key");
        request.Headers.Remove("api-key");
        request.Headers.Remove("x-goog-api-key");
        if (!string.IsNullOrEmpty(secret))
        {
            switch (type)
            {
                case ProviderType.Anthropic:
                    request.Headers.TryAddWithoutValidation("x-api-key", secret);
                    break;
                case ProviderType.AzureOpenAi:
                    request.Headers.TryAddWithoutValidation("api-key", secret);
                    break;
                case ProviderType.GeminiNative or ProviderType.Vertex:
                    request.Headers.TryAddWithoutValidation("x-goog-api-key", secret);
                    break;
                default:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                    break;
            }
        }

        if (type == ProviderType.AzureOpenAi && config.ApiVersion is { Length: > 0 } version && request.RequestUri is { } uri
            && !uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            var separator = uri.Query.Length > 0 ? "&" : "?";
            request.RequestUri = new Uri(uri + separator + "api-version=" + Uri.EscapeDataString(version));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is 429 or >= 500 && RetryAfter(response) is { } delay)
        {
            health.CoolDown(healthKey, delay);
        }

        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date - DateTimeOffset.UtcNow;
        }

        return null;
    }
}
