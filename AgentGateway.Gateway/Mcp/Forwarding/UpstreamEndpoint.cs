using System.Net.Http.Headers;
using System.Text;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// A connected Streamable HTTP target's session as a plain HTTP endpoint: the same URL, TLS settings, configured headers, <c>Mcp-Session-Id</c> and <c>MCP-Protocol-Version</c> the SDK client's
/// transport sends, so a forwarded POST is indistinguishable from one the SDK client would make. It is sent through
/// the target's shared <see cref="ForwardingPool"/> by an <see cref="HttpMessageInvoker"/>: no client timeout to link
/// per call (the client's request and cancellation end it).
/// </summary>
internal sealed class UpstreamEndpoint(HttpMessageInvoker http, Uri url, IReadOnlyDictionary<string, string> headers, string sessionId, string? protocolVersion)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    /// <summary>POSTs one JSON-RPC message; the caller owns (and disposes) the response, read as it streams.</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(Json);
        request.Headers.Accept.Add(EventStream);
        return SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Resumes a call's stream the target closed before its answer: a GET naming the last event seen, as Streamable
    /// HTTP's resumability has a client do it; the target replays what followed (or sends the answer) on the new stream.
    /// </summary>
    public Task<HttpResponseMessage> ResumeAsync(string lastEventId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(EventStream);
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        return SendAsync(request, cancellationToken);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
        if (protocolVersion is not null)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", protocolVersion);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return http.SendAsync(request, cancellationToken); // an invoker returns at the headers; the content streams
    }

    /// <summary>Sends a notification or an answer (the target acknowledges with 202); failures are the caller's to ignore.</summary>
    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(json), cancellationToken);
    }
}
