using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Http;

public class HttpPathPolicyLintTests
{
    private static string Yaml(string cedar) => $$"""
        routes: [{ name: echo, path: /echo, http: e, policies: [guarded] }]
        http: { e: { destinations: ["http://127.0.0.1:9"] } }
        policies:
          guarded:
            authorization:
              cedarText: |
                {{cedar}}
        """;

    [Theory]
    [InlineData("""forbid(principal, action, resource) when { resource.path like "/echo/Admin*" };""", "/echo/Admin*")]
    [InlineData("""permit(principal, action, resource) unless { "/echo/X" == resource.path || false };""", "/echo/X")]
    [InlineData("""permit(principal, action, resource) when { if true then resource.path != "/A" else false };""", "/A")]
    public async Task PathLiteralWithUpperCase_OnAnHttpRoute_IsAConfigErrorNamingThePolicy(string cedar, string literal)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(Yaml(cedar)));

        Assert.Contains("policies.guarded.authorization", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{literal}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowerCasePathLiterals_AndUpperCaseElsewhere_AreAccepted()
    {
        await using var gw = await TestGateway.StartAsync(Yaml(
            """permit(principal, action, resource) when { resource.path like "/echo/admin*" && principal.name == "Ann" };"""));
    }
}
