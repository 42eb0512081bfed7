using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.A2A;

/// <summary>
/// Sends one request to the agent and copies the response back: headers first, then the body chunk by chunk with
/// a flush after each chunk for SSE, so events reach the client as the agent writes them. No timeout of its own:
/// A2A streams and blocking sends may legitimately run for a long time (the client's disconnect cancels).
/// </summary>
internal sealed class A2AUpstream(IHttpClientFactory clients, Traffic.BackendTlsInvokers tlsClients)
{
    // Only JSON bodies up to this size are parsed for inspection; larger ones are still forwarded.
    private const int MaxInspectedBody = 1 << 20;

    // Request headers that describe this hop or belong to the gateway, never the agent.
    private static readonly HashSet<string> SkippedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Authorization",
        "Proxy-Connection", "Content-Length", "Content-Type", "Authorization", "X-API-Key", "Cookie", "Expect",
        "traceparent", "tracestate", "baggage",
    };

    private static readonly HashSet<string> SkippedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    /// <summary>The agent URL for this request: backend base path + the path below the route + query.</summary>
    public static Uri Target(A2ABackendConfig backend, HttpContext context) =>
        Target(backend, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent());

    public static Uri Target(A2ABackendConfig backend, string pathAndQuery) => new(backend.Url.TrimEnd('/') + pathAndQuery);

    public static HttpRequestMessage CreateRequest(HttpContext context, A2ABackendConfig backend, HttpMethod method, Uri target, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, target) { Content = content };
        foreach (var (name, values) in context.Request.Headers)
        {
            // Content headers (Content-Encoding, ...) belong on the content; others on the request.
            if (!SkippedRequestHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (content is not null && context.Request.ContentType is { } contentType)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        // The client's credentials (bearer token, gateway API key) are for the gateway; only an explicit passthrough
        // hands them on.
        if (backend.Passthrough)
        {
            foreach (var name in (string[])["Authorization", "X-API-Key"])
            {
                if (context.Request.Headers.TryGetValue(name, out var credentials))
                {
                    request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)credentials);
                }
            }
        }

        foreach (var (name, value) in backend.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Sends to the agent through its TLS settings' connection pool, else the shared upstream client.</summary>
    public Task<HttpResponseMessage> SendAsync(A2ABackendConfig backend, HttpRequestMessage request, CancellationToken cancellationToken) =>
        (backend.Tls is { } tls ? tlsClients.Client(tls) : clients.CreateClient(Routing.UpstreamHttpClient.Name))
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>Copies status, headers and body to the client, feeding SSE events or the JSON body to inspection.</summary>
    public static async Task CopyResponseAsync(HttpContext context, HttpResponseMessage upstream, A2ACallInfo info)
    {
        var response = context.Response;
        response.StatusCode = (int)upstream.StatusCode;
        CopyHeaders(upstream.Headers, response);
        CopyHeaders(upstream.Content.Headers, response);

        var isSse = upstream.Content.Headers.ContentType?.MediaType == "text/event-stream";
        var ct = context.RequestAborted;
        SseTap? tap = null;
        ArrayBufferWriter<byte>? body = null;
        if (isSse)
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            tap = new SseTap(data => A2AInspector.InspectResponse(data, info));
            await response.StartAsync(ct);
        }
        else
        {
            body = new ArrayBufferWriter<byte>();
        }

        await using var stream = await upstream.Content.ReadAsStreamAsync(ct);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                var chunk = buffer.AsMemory(0, read);
                tap?.Feed(chunk.Span);
                if (body is not null && body.WrittenCount + read <= MaxInspectedBody)
                {
                    body.Write(chunk.Span);
                }

                await response.Body.WriteAsync(chunk, ct);
                if (isSse)
                {
                    await response.Body.FlushAsync(ct);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (body is { WrittenCount: > 0 })
        {
            A2AInspector.InspectResponse(body.WrittenSpan, info);
        }
    }

    private static void CopyHeaders(HttpHeaders headers, HttpResponse response)
    {
        foreach (var (name, values) in headers)
        {
            if (!SkippedResponseHeaders.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }
    }
}
