using System.Globalization;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Signs each Bedrock request with SigV4. Sits after <see cref="ProviderHttpHandler"/> (which clears any client
/// credential), right before the network, so the signature covers exactly the bytes and headers that are sent.
/// </summary>
internal sealed class SigV4Handler(AwsCredentialSource credentials, string region, TimeProvider time) : DelegatingHandler
{
    public const string Service = "bedrock";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var creds = await credentials.GetAsync(cancellationToken);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri!;
        var now = time.GetUtcNow();
        request.Headers.Remove("x-amz-date");
        request.Headers.Remove("x-amz-security-token");
        request.Headers.TryAddWithoutValidation("x-amz-date", now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (creds.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("x-amz-security-token", token);
        }

        // Host as HttpClient will send it (no default port); only headers nothing downstream rewrites are signed.
        var host = uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var signed = request.Headers
            .Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key, string.Join(",", h.Value)))
            .Append(KeyValuePair.Create("host", host));
        var signature = SigV4.Sign(request.Method.Method, uri, signed, SigV4.PayloadHash(body), creds, region, Service, now);
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return await base.SendAsync(request, cancellationToken);
    }
}
