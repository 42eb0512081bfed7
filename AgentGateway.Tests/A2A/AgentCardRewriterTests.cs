using System.Text.Json.Nodes;
using AgentGateway.A2A;

namespace AgentGateway.Tests.A2A;

public class AgentCardRewriterTests
{
    private static readonly Uri Agent = new("http://travel-agent");
    private static readonly Uri Public = new("https://gw.example.com/agents/travel");

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void V03Card_UrlAndAdditionalInterfaces_PointAtTheRoute()
    {
        var card = Parse("""
            { "name": "t", "url": "http://localhost:5123/a2a", "preferredTransport": "JSONRPC",
              "additionalInterfaces": [ { "url": "http://localhost:5123/a2a", "transport": "JSONRPC" },
                                        { "url": "http://localhost:5123/rest?x=1", "transport": "HTTP+JSON" } ],
              "custom": { "kept": true } }
            """);

        AgentCardRewriter.Rewrite(card, Agent, Public, []);

        Assert.Equal("https://gw.example.com/agents/travel/a2a", card["url"]!.GetValue<string>());
        Assert.Equal("https://gw.example.com/agents/travel/a2a", card["additionalInterfaces"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("https://gw.example.com/agents/travel/rest?x=1", card["additionalInterfaces"]![1]!["url"]!.GetValue<string>());
        Assert.True(card["custom"]!["kept"]!.GetValue<bool>());
    }

    [Fact]
    public void V1Card_SupportedInterfaces_PointAtTheRoute_TenantKept_GrpcDropped()
    {
        var card = Parse("""
            { "name": "t", "supportedInterfaces": [
                { "url": "http://travel-agent/base/jsonrpc", "protocolBinding": "JSONRPC", "protocolVersion": "1.0", "tenant": "acme" },
                { "url": "travel-agent:50051", "protocolBinding": "GRPC", "protocolVersion": "1.0" } ] }
            """);

        AgentCardRewriter.Rewrite(card, new Uri("http://travel-agent/base"), Public, []);

        var only = Assert.Single(card["supportedInterfaces"]!.AsArray())!;
        Assert.Equal("https://gw.example.com/agents/travel/jsonrpc", only["url"]!.GetValue<string>());
        Assert.Equal("acme", only["tenant"]!.GetValue<string>());
    }

    [Fact]
    public void Rewrite_AgentHostedLinks_Rewritten_ForeignLinksKept()
    {
        var card = Parse("""
            { "url": "http://localhost:5123/", "documentationUrl": "http://localhost:5123/docs",
              "iconUrl": "https://cdn.example.org/icon.png", "provider": { "organization": "o", "url": "https://example.org" } }
            """);

        AgentCardRewriter.Rewrite(card, Agent, Public, []);

        Assert.Equal("https://gw.example.com/agents/travel/docs", card["documentationUrl"]!.GetValue<string>());
        Assert.Equal("https://cdn.example.org/icon.png", card["iconUrl"]!.GetValue<string>());
        Assert.Equal("https://example.org", card["provider"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Rewrite_RemovesSignaturesItInvalidated()
    {
        var card = Parse("""{ "url": "http://travel-agent/", "signatures": [ { "protected": "e30", "signature": "abc" } ] }""");

        AgentCardRewriter.Rewrite(card, Agent, Public, []);

        Assert.False(card.ContainsKey("signatures"));
    }

    [Fact]
    public void V03Card_WithGatewayAuth_AdvertisesGatewaySchemesInOpenApiShape()
    {
        var card = Parse("""
            { "url": "http://travel-agent/", "securitySchemes": { "agent-key": { "type": "apiKey", "in": "header", "name": "X-Agent-Key" } },
              "security": [ { "agent-key": [] } ], "skills": [ { "id": "s", "security": [ { "agent-key": [] } ] } ] }
            """);
        GatewayAuthScheme[] schemes =
        [
            new("gateway-bearer", GatewayAuthKind.Bearer),
            new("gateway-api-key", GatewayAuthKind.ApiKey) { HeaderName = "X-API-Key" },
        ];

        AgentCardRewriter.Rewrite(card, Agent, Public, schemes);

        var defs = card["securitySchemes"]!.AsObject();
        Assert.False(defs.ContainsKey("agent-key"));
        Assert.Equal("http", defs["gateway-bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", defs["gateway-bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("apiKey", defs["gateway-api-key"]!["type"]!.GetValue<string>());
        Assert.Equal("X-API-Key", defs["gateway-api-key"]!["name"]!.GetValue<string>());
        Assert.Equal(2, card["security"]!.AsArray().Count);
        Assert.False(card["skills"]![0]!.AsObject().ContainsKey("security"));
        Assert.False(card.ContainsKey("securityRequirements"));
    }

    [Fact]
    public void V1Card_WithGatewayAuth_AdvertisesGatewaySchemesInProtoShape()
    {
        var card = Parse("""{ "supportedInterfaces": [ { "url": "http://travel-agent/", "protocolBinding": "JSONRPC", "protocolVersion": "1.0" } ] }""");
        GatewayAuthScheme[] schemes = [new("gateway-oidc", GatewayAuthKind.OpenIdConnect) { OpenIdConnectUrl = "https://idp/.well-known/openid-configuration" }];

        AgentCardRewriter.Rewrite(card, Agent, Public, schemes);

        Assert.Equal("https://idp/.well-known/openid-configuration",
            card["securitySchemes"]!["gateway-oidc"]!["openIdConnectSecurityScheme"]!["openIdConnectUrl"]!.GetValue<string>());
        var requirement = Assert.Single(card["securityRequirements"]!.AsArray())!;
        Assert.NotNull(requirement["schemes"]!["gateway-oidc"]!["list"]);
        Assert.False(card.ContainsKey("security"));
    }
}
