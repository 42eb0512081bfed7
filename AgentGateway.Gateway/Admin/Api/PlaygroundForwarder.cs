using AgentGateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Admin.Api;

/// <summary>
/// <c>/api/playground/{path}</c>: sends the UI's playground request to this gateway's own public listener, as an
/// ordinary client would (so it passes the route's authentication, authorization, limits and telemetry), and
/// streams the answer back. The caller's credential travels in <c>X-Playground-Authorization</c> /
/// <c>X-Playground-Api-Key</c> (the admin API's own <c>Authorization</c> may be taken by <c>admin.policy</c>);
/// nothing is stored. Behind <see cref="AdminBrowserGuardFilter"/>: POSTs need the CSRF header.
/// </summary>
internal sealed class PlaygroundForwarder : IDisposable
{
    private static readonly string[] RequestHeaders =
        ["Accept", "Mcp-Session-Id", "Mcp-Protocol-Version", "A2A-Version", "Last-Event-ID", "anthropic-version"];

    private static readonly string[] ResponseHeaders =
        ["Mcp-Session-Id", "Mcp-Protocol-Version", "WWW-Authenticate", "Retry-After", "Cache-Control", "X-AgentGateway-Provider"];

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // The listener is reached at a loopback or local address while its certificate names the public host: the
        // chain must still be trusted, only the name may differ.
        SslOptions =
        {
            RemoteCertificateValidationCallback = static (_, _, _, errors) =>
                (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) == System.Net.Security.SslPolicyErrors.None,
        },
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task HandleAsync(HttpContext context, string? path, IServer server, AdminListener admin)
    {
        if (PublicListener.BaseAddress(server, admin) is not { } baseAddress)
        {
            await Results.Json(new { error = new { type = "no_listener", message = "this gateway has no public listener to send the request to" } },
                statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
            return;
        }

        var target = new Uri(baseAddress, "/" + (path ?? "") + context.Request.QueryString.ToUriComponent());
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var name in RequestHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (context.Request.Headers["X-Playground-Authorization"] is [{ Length: > 0 } authorization])
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (context.Request.Headers["X-Playground-Api-Key"] is [{ Length: > 0 } apiKey])
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            await Results.Json(new { error = new { type = "listener_unreachable", message = ex.Message } },
                statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var name in ResponseHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            // Streams (SSE) go out chunk by chunk as they arrive.
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
