using System.Threading.Channels;
using AgentGateway.A2A.Protocol.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace A2A.AgentHost;

/// <summary>Writes a task's events as Server-Sent Events, one flush per event so clients see progress live.</summary>
internal static class SseStream
{
    public static async Task WriteAsync(HttpContext context, AgentTask snapshot, ChannelReader<StreamResponse>? events,
        Func<StreamResponse, byte[]> format)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var ct = context.RequestAborted;

        await WriteEventAsync(response, format(new StreamResponse { Task = snapshot }), ct);
        if (events is null)
        {
            return;
        }

        await foreach (var update in events.ReadAllAsync(ct))
        {
            await WriteEventAsync(response, format(update), ct);
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, byte[] json, CancellationToken ct)
    {
        await response.Body.WriteAsync("data: "u8.ToArray(), ct);
        await response.Body.WriteAsync(json, ct);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), ct);
        await response.Body.FlushAsync(ct);
    }
}
