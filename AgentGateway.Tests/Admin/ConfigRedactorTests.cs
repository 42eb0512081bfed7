using System.Text.Json;
using AgentGateway.Admin;
using AgentGateway.Configuration;
using AgentGateway.Mcp;

namespace AgentGateway.Tests.Admin;

public class ConfigRedactorTests
{
    private static JsonElement Redacted(GatewayConfig config) => JsonDocument.Parse(ConfigRedactor.ToRedactedJson(config)).RootElement;

    private static JsonElement StdioArgs(params string[] args)
    {
        var config = new GatewayConfig
        {
            Mcp = new Dictionary<string, McpBackendConfig>
            {
                ["m"] = new() { Targets = [new McpTargetConfig { Name = "t", Stdio = new McpStdioConfig { Command = "server", Args = args } }] },
            },
        };
        return Redacted(config).GetProperty("mcp").GetProperty("m").GetProperty("targets")[0].GetProperty("stdio").GetProperty("args");
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void StdioArgs_SecretFlagValues_AreHidden_FlagsAndPlainArgsStay()
    {
        var args = Strings(StdioArgs(
            "--token", "t0ken-value", "--api-key=k3y-value", "-n", "5", "--password", "pw-value",
            "GITHUB_TOKEN=ghp-value", "--verbose", "/data/dir", "--port", "8080"));

        Assert.Equal(
            ["--token", "***", "--api-key=***", "-n", "5", "--password", "***", "GITHUB_TOKEN=***", "--verbose", "/data/dir", "--port", "8080"],
            args);
    }

    [Fact]
    public void StdioArgs_HeadersCredentialsAndTokenShapes_AreHidden()
    {
        var args = Strings(StdioArgs(
            "-H", "X-Custom: abc123", "--header", "Authorization: Bearer xyz", "Authorization: Basic dXNlcjpwYXNz",
            "Bearer raw-bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", "sk-proj1234567890abcdef", "ghp_abcdefghijklmnop1234"));

        Assert.Equal(["-H", "X-Custom: ***", "--header", "Authorization: ***", "Authorization: ***", "Bearer ***", "***", "***", "***"], args);
    }

    [Fact]
    public void StdioArgs_UrlCredentials_AreHidden()
    {
        var args = Strings(StdioArgs("--db", "postgres://app:pa55@db:5432/x?sslmode=require", "--url=https://h/api?api_key=abc&v=2"));

        Assert.Equal(["--db", "postgres://***@db:5432/x?sslmode=***", "--url=https://h/api?api_key=***&v=***"], args);
    }

    [Theory]
    [InlineData("https://user:pass@host:8443/p", "https://***@host:8443/p")]
    [InlineData("https://host/sse?api_key=abc&token=def", "https://host/sse?api_key=***&token=***")]
    [InlineData("https://host/sse?secretvalue", "https://host/sse?***")]
    [InlineData("https://host/p#access_token=abc", "https://host/p#***")]
    [InlineData("http://10.0.0.5:8080", "http://10.0.0.5:8080")]
    [InlineData("https://host/a?empty=", "https://host/a?empty=")]
    [InlineData("not a url", "not a url")]
    [InlineData("see https://u:p@h/x?k=v and redis://:pw@r:6379", "see https://***@h/x?k=*** and redis://***@r:6379")]
    public void Urls_LoseUserinfoQueryValuesAndFragment(string input, string expected) =>
        Assert.Equal(expected, UrlRedactor.Redact(input));
}
