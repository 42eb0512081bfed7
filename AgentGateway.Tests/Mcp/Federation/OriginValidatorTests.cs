using AgentGateway.Mcp.Endpoint;

namespace AgentGateway.Tests.Mcp.Federation;

public sealed class OriginValidatorTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("http://localhost:6274", true)]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://[::1]:3000", true)]
    [InlineData("https://app.example.com", true)]
    [InlineData("https://app.example.com/", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://localhost.evil.example", false)]
    [InlineData("null", false)]
    public void IsAllowed_LoopbackAndConfiguredOnly(string? origin, bool allowed) =>
        Assert.Equal(allowed, OriginValidator.IsAllowed(origin, ["https://app.example.com"]));
}
