using System.Net;
using System.Text.Json;
using AgentGateway.Configuration;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Security;

/// <summary>
/// Protected-resource metadata and the <c>resource_metadata</c> of <c>WWW-Authenticate</c> never echo a Host
/// the gateway cannot vouch for: they use <c>publicUrl</c>, or a Host that is one of the route's hosts or the
/// listener's own address.
/// </summary>
public class ProtectedResourceMetadataHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string MetadataPath = "/.well-known/oauth-protected-resource/mcp";

    private static Task<TestGateway> StartAsync(string extra = "", string hosts = "") => TestGateway.StartAsync($$"""
        {{extra}}
        routes:
          - { name: tools, path: /mcp, mcp: tools, policies: [auth]{{hosts}} }
        mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:9/mcp" }] } }
        policies:
          auth:
            authentication:
              jwt: { issuer: "https://idp.test", audiences: [agentgateway], jwks: { inline: '{"keys":[]}' }, authorizationServers: ["https://login.test"] }
        """);

    private static async Task<(HttpResponseMessage Metadata, HttpResponseMessage Challenge)> ProbeAsync(TestGateway gw, string? host)
    {
        using var client = gw.CreateClient();
        using var metadata = new HttpRequestMessage(HttpMethod.Get, MetadataPath);
        using var challenge = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("{}") };
        if (host is not null)
        {
            metadata.Headers.Host = host;
            challenge.Headers.Host = host;
        }

        return (await client.SendAsync(metadata, Ct), await client.SendAsync(challenge, Ct));
    }

    [Fact]
    public async Task Metadata_WithForeignHost_IsNotServed_AndTheChallengeAdvertisesNoUrl()
    {
        await using var gw = await StartAsync();

        var (metadata, challenge) = await ProbeAsync(gw, "attacker.example");

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.DoesNotContain("attacker", await metadata.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        var header = challenge.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer", header, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", header, StringComparison.Ordinal);
        Assert.DoesNotContain("resource_metadata", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_WithForeignPortOnTheListenerAddress_IsNotServed()
    {
        await using var gw = await StartAsync();

        var (metadata, challenge) = await ProbeAsync(gw, "127.0.0.1:1");

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.DoesNotContain("resource_metadata", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_WithPublicUrl_UsesIt_WhateverTheHost()
    {
        await using var gw = await StartAsync("publicUrl: https://gateway.example.com/base/");

        var (metadata, challenge) = await ProbeAsync(gw, "attacker.example");

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        var body = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("https://gateway.example.com/base/mcp", body.GetProperty("resource").GetString());
        Assert.Contains("resource_metadata=\"https://gateway.example.com/base/.well-known/oauth-protected-resource/mcp\"",
            challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_OnTheListenerAddress_IsBuiltFromTheRequest_AndVariesByHost()
    {
        await using var gw = await StartAsync();
        var origin = gw.BaseAddress.ToString().TrimEnd('/');

        var (metadata, challenge) = await ProbeAsync(gw, host: null);

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Contains("Host", metadata.Headers.Vary);
        var body = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal($"{origin}/mcp", body.GetProperty("resource").GetString());
        Assert.Contains($"resource_metadata=\"{origin}{MetadataPath}\"", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_WithAHostOfTheRoute_IsBuiltFromThatHost()
    {
        await using var gw = await StartAsync(hosts: ", hosts: [mcp.example.com]");

        var (metadata, challenge) = await ProbeAsync(gw, "mcp.example.com");

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        var body = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("http://mcp.example.com/mcp", body.GetProperty("resource").GetString());
        Assert.Contains($"resource_metadata=\"http://mcp.example.com{MetadataPath}\"", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway.example.com")]
    [InlineData("ftp://gateway.example.com")]
    [InlineData("https://user:pw@gateway.example.com")]
    [InlineData("https://gateway.example.com/?x=1")]
    public void Validator_RejectsAPublicUrlThatIsNotAPlainHttpUrl(string publicUrl)
    {
        var context = new ConfigValidationContext(Path.GetTempPath());

        new GeneralConfigValidator().Validate(new GatewayConfig { PublicUrl = publicUrl, Admin = new AdminConfig { Url = "" } }, context);

        Assert.Contains(context.Errors, e => e.Path == "publicUrl");
    }
}
