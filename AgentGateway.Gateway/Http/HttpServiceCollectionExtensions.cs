using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Http;

/// <summary>DI registrations of the http backend kind (YARP's forwarder, destination picking, its validator).</summary>
public static class HttpServiceCollectionExtensions
{
    /// <summary>Adds the http backend handler, its forwarder client and its config validator.</summary>
    public static IServiceCollection AddGatewayHttp(this IServiceCollection services)
    {
        services.AddSingleton<IConfigValidator, HttpConfigValidator>();
        services.AddSingleton<IRuntimeCompiler, HttpBackendsCompiler>();
        services.AddSingleton<HttpDestinationPicker>();
        services.AddSingleton<ForwarderInvoker>();
        services.AddHttpForwarder();
        // A proxy must not follow redirects, decompress or keep cookies; the handler lives for the process.
        services.AddHttpClient(ForwarderInvoker.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                UseProxy = false,
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // No IHttpClientFactory logging handlers on the forwarding path (see AddGatewayRouting).
            .RemoveAllLoggers();
        services.AddSingleton<IBackendHandler, HttpBackendHandler>();
        return services;
    }
}
