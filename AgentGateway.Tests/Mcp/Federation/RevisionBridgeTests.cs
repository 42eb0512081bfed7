using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace AgentGateway.Tests.Mcp.Federation;

/// <summary>
/// What a 2025-11-25 target sends reaches older clients in a form their revision has (docs/mcp.md, "Protocol
/// revisions"): resource links and structured content as text, audio left out with a note for 2024-11-05, titled
/// enums as enum + enumNames, and forms they cannot present refused back to the target.
/// </summary>
public sealed class RevisionBridgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestGateway Gateway, PinnedMcpServer Target)> StartAsync()
    {
        var target = await PinnedMcpServer.StartAsync("2025-11-25");
        var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("up", target.Url), prefix: "always"));
        return (gw, target);
    }

    private static async Task<McpClient> ConnectAsync(TestGateway gw, string revision, McpClientHandlers? handlers = null)
    {
        var client = revision == "2024-11-05"
            ? await McpTestClient.ConnectAsync(gw, "/mcp/sse", new McpClientOptions { ProtocolVersion = revision }, HttpTransportMode.Sse)
            : await McpTestClient.ConnectAsync(gw, options: new McpClientOptions { ProtocolVersion = revision, Handlers = handlers ?? new() });
        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "up_echo"), TimeSpan.FromSeconds(10)), "target listed");
        return client;
    }

    [Fact]
    public async Task ResourceLink_ReachesA20250618ClientAsALinkItCanRead_AndA20250326ClientAsText()
    {
        var (gw, target) = await StartAsync();
        await using var _ = gw; await using var __ = target;
        await using var current = await ConnectAsync(gw, "2025-06-18");
        await using var older = await ConnectAsync(gw, "2025-03-26");

        var link = Assert.IsType<ResourceLinkBlock>(Assert.Single((await current.CallToolAsync("up_link", cancellationToken: Ct)).Content));
        var read = await current.ReadResourceAsync(link.Uri, cancellationToken: Ct);
        var asText = Assert.IsType<TextContentBlock>(Assert.Single((await older.CallToolAsync("up_link", cancellationToken: Ct)).Content));

        Assert.Equal("up+note://readme", link.Uri); // exposed like a listed resource, so it reads back through the gateway
        Assert.Equal("read me first", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
        Assert.Contains("<up+note://readme>", asText.Text, StringComparison.Ordinal);
        Assert.Contains("The readme", asText.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructuredContentWithoutText_ReachesA20250326ClientAsJsonText_AndA20250618ClientUnchanged()
    {
        var (gw, target) = await StartAsync();
        await using var _ = gw; await using var __ = target;
        await using var current = await ConnectAsync(gw, "2025-06-18");
        await using var older = await ConnectAsync(gw, "2025-03-26");

        var structured = await current.CallToolAsync("up_measure", cancellationToken: Ct);
        var asText = await older.CallToolAsync("up_measure", cancellationToken: Ct);

        Assert.Empty(structured.Content);
        Assert.Equal(21.5, structured.StructuredContent!.Value.GetProperty("celsius").GetDouble());
        var text = Assert.IsType<TextContentBlock>(Assert.Single(asText.Content)).Text;
        Assert.Equal(21.5, JsonDocument.Parse(text).RootElement.GetProperty("celsius").GetDouble());
    }

    [Fact]
    public async Task Audio_ReachesA20250326Client_AndIsLeftOutWithANoteForA20241105Client()
    {
        var (gw, target) = await StartAsync();
        await using var _ = gw; await using var __ = target;
        await using var current = await ConnectAsync(gw, "2025-03-26");
        await using var oldest = await ConnectAsync(gw, "2024-11-05");

        var audio = await current.CallToolAsync("up_sound", cancellationToken: Ct);
        var note = await oldest.CallToolAsync("up_sound", cancellationToken: Ct);

        Assert.Equal("audio/wav", Assert.IsType<AudioContentBlock>(Assert.Single(audio.Content)).MimeType);
        Assert.Contains("audio content (audio/wav) left out", Assert.IsType<TextContentBlock>(Assert.Single(note.Content)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-18", false)]
    [InlineData("2025-11-25", true)]
    public async Task TitledEnumElicitation_ReachesEachClientInItsRevisionsForm(string revision, bool titledOneOf)
    {
        var (gw, target) = await StartAsync();
        await using var _ = gw; await using var __ = target;
        PrimitiveSchemaDefinition? seen = null;
        await using var client = await ConnectAsync(gw, revision, new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                seen = request!.RequestedSchema!.Properties["colour"];
                return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["colour"] = JsonSerializer.SerializeToElement("g") } });
            },
        });

        var result = await client.CallToolAsync("up_choose", cancellationToken: Ct);

        Assert.Equal("chose g", McpFederationTests.Text(result));
        if (titledOneOf)
        {
            Assert.Equal(["Red", "Green"], Assert.IsType<TitledSingleSelectEnumSchema>(seen).OneOf.Select(o => o.Title));
        }
        else
        {
#pragma warning disable MCP9001 // enum + enumNames is the 2025-06-18 form this test expects.
            var legacy = Assert.IsType<LegacyTitledEnumSchema>(seen);
#pragma warning restore MCP9001
            Assert.Equal(["r", "g"], legacy.Enum);
            Assert.Equal(["Red", "Green"], legacy.EnumNames!);
        }
    }

    [Fact]
    public async Task MultiSelectElicitation_ToA20250618Client_IsRefusedBackToTheTarget_WithoutAskingTheClient()
    {
        var (gw, target) = await StartAsync();
        await using var _ = gw; await using var __ = target;
        var asked = 0;
        await using var client = await ConnectAsync(gw, "2025-06-18", new McpClientHandlers
        {
            ElicitationHandler = (_, _) =>
            {
                Interlocked.Increment(ref asked);
                return ValueTask.FromResult(new ElicitResult { Action = "decline" });
            },
        });

        var result = await client.CallToolAsync("up_pick_many", cancellationToken: Ct);

        Assert.Contains("elicitation failed", McpFederationTests.Text(result), StringComparison.Ordinal);
        Assert.Contains("cannot present the multi-select field 'toppings'", McpFederationTests.Text(result), StringComparison.Ordinal);
        Assert.Equal(0, asked);
    }
}
