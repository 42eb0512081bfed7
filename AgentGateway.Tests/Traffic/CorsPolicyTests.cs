using AgentGateway.Traffic;

namespace AgentGateway.Tests.Traffic;

public class CorsPolicyTests
{
    private static readonly CorsPolicy Policy = new(new CorsConfig
    {
        AllowedOrigins = ["https://app.example.com", "https://*.example.org", "http://localhost:3000"],
        AllowedHeaders = ["content-type", "Mcp-Session-Id"],
    });

    [Theory]
    [InlineData("https://app.example.com", true)]
    [InlineData("https://APP.example.com", true)]
    [InlineData("https://app.example.com:8443", false)]
    [InlineData("http://app.example.com", false)]
    [InlineData("https://a.example.org", true)]
    [InlineData("https://a.b.example.org", true)]
    [InlineData("https://example.org", false)]
    [InlineData("https://.example.org", false)]
    [InlineData("https://evilexample.org", false)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://localhost:3001", false)]
    [InlineData("null", false)]
    public void OriginMatching_ExactAndWildcardSubdomains(string origin, bool allowed) =>
        Assert.Equal(allowed, Policy.IsOriginAllowed(origin));

    [Fact]
    public void DefaultMethods_AreTheSimpleOnes_AndHeadersAreCaseInsensitive()
    {
        Assert.True(Policy.IsMethodAllowed("POST"));
        Assert.False(Policy.IsMethodAllowed("DELETE"));
        Assert.True(Policy.AreHeadersAllowed(["Content-Type", "mcp-session-id"]));
        Assert.False(Policy.AreHeadersAllowed(["content-type", "authorization"]));
    }

    [Fact]
    public void AnyOrigin_AnswersStar_UnlessCredentialsAreAllowed()
    {
        var open = new CorsPolicy(new CorsConfig { AllowedOrigins = ["*"] });
        Assert.Equal("*", open.AllowOriginValue("https://x.test"));
        Assert.Equal("DELETE", new CorsPolicy(new CorsConfig { AllowedOrigins = ["*"], AllowedMethods = ["*"] }).AllowMethodsValue("DELETE"));
    }
}
