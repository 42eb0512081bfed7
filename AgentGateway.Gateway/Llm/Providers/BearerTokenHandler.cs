using System.Net.Http.Headers;

namespace AgentGateway.Llm.Providers;

/// <summary>Adds <c>Authorization: Bearer</c> with a token from a cached, refreshing source (Vertex AI, Azure with Entra ID).</summary>
internal sealed class BearerTokenHandler(Func<CancellationToken, ValueTask<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string value;
        try
        {
            value = await token(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not HttpRequestException)
        {
            // A credential that cannot produce a token is a configuration problem: 401, no failover storm, no secret in the message.
            throw new HttpRequestException("Could not obtain an access token for the provider (" + ex.GetType().Name + ").", ex, System.Net.HttpStatusCode.Unauthorized);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        return await base.SendAsync(request, cancellationToken);
    }
}
