using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MockLlm;

/// <summary>
/// A running mock model server. Start it in-process with <see cref="StartAsync"/> (random loopback port) or as a
/// standalone process (<c>dotnet run --project samples/MockLlm</c>, honouring ASPNETCORE_URLS).
/// </summary>
public sealed class MockLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MockState _state;

    private MockLlmServer(WebApplication app, MockState state, Uri baseUrl)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL of the server, e.g. <c>http://127.0.0.1:5123/</c> (OpenAI API under <c>v1/</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Number of model requests received (health and model listing excluded).</summary>
    public int RequestCount => _state.RequestCount;

    /// <summary>Every model request received, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _state.Requests];

    /// <summary>Access tokens the mock's OAuth endpoint (<c>POST /token</c>) has issued.</summary>
    public int TokensIssued => _state.TokensIssued;

    /// <summary>Starts a server on a random 127.0.0.1 port.</summary>
    public static async Task<MockLlmServer> StartAsync(MockLlmOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MockLlmOptions();
        var builder = WebApplication.CreateSlimBuilder();
        if (options.Certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.UseUrls("https://127.0.0.1:0");
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Logging.ClearProviders();
        var state = new MockState(options);
        var app = Build(builder, state);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MockLlmServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    internal static WebApplication Build(WebApplicationBuilder builder, MockState state)
    {
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        MockEndpoints.Map(app, state);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
