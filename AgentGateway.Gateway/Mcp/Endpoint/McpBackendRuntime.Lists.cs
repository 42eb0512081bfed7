using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// A complete <c>tools/list</c> on a session open here, answered by the runtime instead of the SDK (see
/// <see cref="Federation.ToolListAnswers"/>): same items, same per-caller authorization, one JSON answer. Only the
/// plain case is taken — a session this replica serves, the headers the SDK would accept as they are, a body that is
/// exactly such a request — everything else goes to the SDK as before.
/// </summary>
internal sealed partial class McpBackendRuntime
{
    /// <summary>Bodies larger than this are never list requests worth peeking at.</summary>
    private const int MaxPeekedBody = 16 * 1024;

    private static ReadOnlySpan<byte> AnswerStart => "{\"jsonrpc\":\"2.0\",\"id\":"u8;

    private static ReadOnlySpan<byte> AnswerResult => ",\"result\":"u8;

    private async ValueTask<bool> TryAnswerToolListAsync(HttpContext context, string sessionId)
    {
        if (sessionId.Length == 0 || !HttpMethods.IsPost(context.Request.Method)
            || _table.Find(sessionId) is not { Server: { } server, ReadyUpstream: { } upstream } session
            || !session.SdkSeenWithin(Ttl / 2) // the SDK ends sessions it has not seen for the TTL: let it see this one
            || !HeadersAsTheSdkWouldTakeThem(context.Request, server.NegotiatedProtocolVersion))
        {
            return false;
        }

        var pipe = context.Request.BodyReader;
        var body = (await ReadBodyAsync(pipe, context.RequestAborted)).Buffer;
        if (!Contains(body, "\"tools/list\""u8) || ListRequestPeek.TryRead(body) is not ({ } method, { } rawId) || method != RequestMethods.ToolsList)
        {
            pipe.AdvanceTo(body.Start); // nothing consumed: the SDK reads the body from the start
            return false;
        }

        using var activity = McpTelemetry.StartRequest(RequestMethods.ToolsList, sessionId, Name);
        var result = await _toolLists.AnswerAsync(upstream.Targets, context.RequestAborted);
        if (result is null)
        {
            pipe.AdvanceTo(body.Start); // a paged list: the SDK pages it
            return false;
        }

        pipe.AdvanceTo(body.End);
        await WriteAnswerAsync(context.Response, rawId, result);
        return true;
    }

    /// <summary>
    /// What the SDK checks before it reads a body, accepted only in the form it accepts without a word: both media
    /// types accepted, JSON sent, the session's own revision named, no per-request metadata headers (2026-07-28 is
    /// sessionless and never reaches this step), and a body of known, small size within the route's limit.
    /// </summary>
    private static bool HeadersAsTheSdkWouldTakeThem(HttpRequest request, string? negotiated)
    {
        var headers = request.Headers;
        if (negotiated is null || headers["MCP-Protocol-Version"] != negotiated || headers.ContainsKey("Mcp-Method") || headers.ContainsKey("Mcp-Name")
            || request.ContentLength is not (> 0 and <= MaxPeekedBody) || request.ContentType is not { } type
            || !MediaTypeHeaderValue.TryParse(type, out var media) || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && request.ContentLength > max)
        {
            return false;
        }

        return AcceptsJsonAndEventStream(request);
    }

    /// <summary>One JSON-RPC response, the id as the client wrote it, as <c>application/json</c> (a client must accept either form).</summary>
    private static async Task WriteAnswerAsync(HttpResponse response, byte[] rawId, byte[] result)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = AnswerStart.Length + rawId.Length + AnswerResult.Length + result.Length + 1;
        var writer = response.BodyWriter;
        writer.Write(AnswerStart);
        writer.Write(rawId);
        writer.Write(AnswerResult);
        writer.Write(result);
        writer.Write("}"u8);
        await writer.FlushAsync();
    }
}
