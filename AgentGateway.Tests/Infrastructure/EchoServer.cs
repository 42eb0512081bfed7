using System.Text.Json;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// A small real HTTP backend on a random loopback port: answers every request with JSON describing it
/// (<c>{ name, method, path, query, headers, body }</c>), so tests can see what the gateway forwarded.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServer(WebApplication app, Uri baseAddress, string name)
    {
        _app = app;
        BaseAddress = baseAddress;
        Name = name;
    }

    public Uri BaseAddress { get; }

    public string Name { get; }

    private int _requestCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public static async Task<EchoServer> StartAsync(string name = "echo", Func<HttpContext, Task<bool>>? intercept = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        EchoServer? server = null;
        app.Run(async ctx =>
        {
            Interlocked.Increment(ref server!._requestCount);
            if (intercept is not null && await intercept(ctx))
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            ctx.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(ctx.Response.Body, new
            {
                name,
                method = ctx.Request.Method,
                path = ctx.Request.Path.Value,
                query = ctx.Request.QueryString.Value,
                headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body,
            });
        });
        await app.StartAsync();
        server = new EchoServer(app, new Uri($"http://127.0.0.1:{port}"), name);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
