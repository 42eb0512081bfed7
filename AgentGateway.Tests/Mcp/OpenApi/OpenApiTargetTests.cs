using System.Text.Json;
using AgentGateway.Mcp.OpenApi;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Mcp.OpenApi;

/// <summary>An OpenAPI-described REST API as an MCP target: one tool per operation, real HTTP calls.</summary>
public sealed class OpenApiTargetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Build_OneToolPerOperation_ParametersAndBodyInInputSchema()
    {
        var set = OpenApiToolBuilder.Build(PetStore.Spec, "http://api.test", new Dictionary<string, string>(), null);

        Assert.Equal(["getPet", "createPet", "get-broken"], set.Tools.Select(t => t.Name));
        var getPet = set.Tools[0];
        Assert.Equal("Gets a pet", getPet.Description);
        Assert.Equal("integer", getPet.InputSchema.GetProperty("properties").GetProperty("petId").GetProperty("type").GetString());
        Assert.Equal(["petId"], getPet.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var body = set.Tools[1].InputSchema.GetProperty("properties").GetProperty("body");
        Assert.Equal("string", body.GetProperty("properties").GetProperty("name").GetProperty("type").GetString());
        Assert.Equal(new Uri("http://api.test"), set.BaseUrl);
    }

    [Fact]
    public void Build_InvalidDocument_Throws()
    {
        Assert.ThrowsAny<Exception>(() => OpenApiToolBuilder.Build("{ not json", "http://api.test", new Dictionary<string, string>(), null));
    }

    [Fact]
    public async Task CallTool_ThroughGateway_MakesRestCallsAndMapsResults()
    {
        await using var pets = await PetStore.StartAsync();
        var dir = Directory.CreateTempSubdirectory("agw-openapi-").FullName;
        var specPath = Path.Combine(dir, "pets.json");
        await File.WriteAllTextAsync(specPath, PetStore.Spec, Ct);
        var target = $"      - name: pets\n        openapi: {{ spec: \"{specPath}\", baseUrl: \"{pets.BaseUrl}\", headers: {{ X-Api-Key: upstream-secret }} }}\n";
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(target, prefix: "always"));
        await using var client = await McpTestClient.ConnectAsync(gw);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var get = await client.CallToolAsync("pets_getPet", new Dictionary<string, object?> { ["petId"] = 7, ["verbose"] = true }, cancellationToken: Ct);
        var create = await client.CallToolAsync("pets_createPet", new Dictionary<string, object?> { ["body"] = new { name = "Tom" } }, cancellationToken: Ct);
        var broken = await client.CallToolAsync("pets_get-broken", cancellationToken: Ct);

        Assert.Equal(["pets_getPet", "pets_createPet", "pets_get-broken"], tools);
        Assert.Equal(7, get.StructuredContent!.Value.GetProperty("id").GetInt32());
        Assert.True(get.StructuredContent!.Value.GetProperty("verbose").GetBoolean());
        Assert.Equal("upstream-secret", pets.LastApiKey);
        Assert.Equal("Tom", JsonDocument.Parse(McpFederationTests.Text(create)).RootElement.GetProperty("name").GetString());
        Assert.True(broken.IsError);
        Assert.Contains("500", McpFederationTests.Text(broken), StringComparison.Ordinal);
        Assert.Contains("database on fire", McpFederationTests.Text(broken), StringComparison.Ordinal);
    }
}
