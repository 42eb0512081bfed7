using AgentGateway.Routing;
using Microsoft.Extensions.Configuration;

namespace AgentGateway.Tests.Routing;

public class UpstreamHandlersTests
{
    private static UpstreamHandlers Create(out ServiceProvider services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:mock-llm:http:0"] = "http://127.0.0.1:5999" })
            .Build();
        var collection = new ServiceCollection();
        collection.AddHttpClient(UpstreamHttpClient.Name);
        services = collection.BuildServiceProvider();
        return new UpstreamHandlers(services.GetRequiredService<IHttpMessageHandlerFactory>(), configuration);
    }

    [Fact]
    public void PlainUrls_ShareOnePool_WithoutFactoryHandlersOrClientSpans()
    {
        using var handlers = Create(out var services);
        using (services)
        {
            var shared = handlers.For("http://127.0.0.1:8080/v1");
            Assert.Same(shared, handlers.For("https://api.openai.com/v1"));
            Assert.Same(shared, handlers.For(null));

            // Trace context is written by the gateway; the runtime's DiagnosticsHandler is off, the pool is the next step.
            var inner = Assert.IsType<SocketsHttpHandler>(Assert.IsAssignableFrom<DelegatingHandler>(shared).InnerHandler);
            Assert.Null(inner.ActivityHeadersPropagator);
            Assert.False(inner.AllowAutoRedirect);
            Assert.False(inner.UseProxy);
        }
    }

    [Theory]
    [InlineData("http://mock-llm/v1")] // an Aspire services: entry
    [InlineData("http://MOCK-LLM")]
    [InlineData("https+http://mock-llm")]
    [InlineData("http://_http.mock-llm")]
    public void ServiceDiscoveryNames_KeepTheResolvingChain(string url)
    {
        using var handlers = Create(out var services);
        using (services)
        {
            Assert.True(handlers.UsesServiceDiscovery(url));
            Assert.NotSame(handlers.For("http://127.0.0.1:8080"), handlers.For(url));
        }
    }
}
