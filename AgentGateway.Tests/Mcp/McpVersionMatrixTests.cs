#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; the 2024-11-05 … 2025-11-25 revisions under test use it.
using System.Collections.Concurrent;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>
/// One gateway federating four real C# SDK servers, each pinned to one protocol revision (2024-11-05 over HTTP+SSE,
/// 2025-03-26, 2025-06-18 and 2025-11-25 over Streamable HTTP), and a second one whose only target is a TypeScript
/// SDK server over stdio pinned to 2025-06-18 (its own gateway, so the other pairs do not start a process per
/// session). Started once for the class.
/// </summary>
public sealed class VersionMatrixFixture : IAsyncLifetime
{
    public static readonly string[] TargetRevisions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];

    public static readonly string[] ClientRevisions = ["2025-03-26", "2025-06-18", "2025-11-25"];

    /// <summary>The TypeScript SDK target (stdio, AgentGateway.Tests/Mcp/js/pinned-stdio-server.mjs).</summary>
    public const string StdioTarget = "ts-2025-06-18";

    /// <summary>Every target's name in the gateway configs (exposed names are <c>v2025-06-18_echo</c> and so on).</summary>
    public static readonly string[] Targets = [.. TargetRevisions.Select(TargetName), StdioTarget];

    public Dictionary<string, PinnedMcpServer> Servers { get; } = [];

    public TestGateway Gateway { get; private set; } = null!;

    public TestGateway StdioGateway { get; private set; } = null!;

    public int AdminPort { get; } = FreePort.Next();

    public static string TargetName(string revision) => "v" + revision;

    public static string RevisionOf(string target) => target == StdioTarget ? "2025-06-18" : target[1..];

    public TestGateway GatewayFor(string target) => target == StdioTarget ? StdioGateway : Gateway;

    public async ValueTask InitializeAsync()
    {
        foreach (var revision in TargetRevisions)
        {
            Servers[revision] = await PinnedMcpServer.StartAsync(revision);
        }

        // transport: auto everywhere: the 2024-11-05 server has no Streamable HTTP, so that one also shows the fallback.
        var targets = string.Concat(TargetRevisions.Select(r => McpTestClient.UrlTarget(TargetName(r), Servers[r].Url)));
        Gateway = await TestGateway.StartAsync(McpTestClient.GatewayYaml(targets, prefix: "always",
            extra: $"admin: {{ url: \"http://127.0.0.1:{AdminPort}\" }}"));

        var script = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(McpTestPaths.EverythingServer)!, "..", "..", "..", "..", "pinned-stdio-server.mjs"));
        StdioGateway = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            $"      - name: {StdioTarget}\n        stdio: {{ command: node, args: [\"{script}\", \"2025-06-18\"] }}\n", prefix: "always"));
    }

    public async ValueTask DisposeAsync()
    {
        await StdioGateway.DisposeAsync();
        await Gateway.DisposeAsync();
        foreach (var server in Servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>
/// The version matrix: downstream clients on 2025-03-26, 2025-06-18 and 2025-11-25 against upstream targets on each
/// revision from 2024-11-05 on (C# SDK servers, plus a TypeScript SDK server over stdio on 2025-06-18). Every pair lists and calls tools, reads a resource, gets a prompt, gets progress and
/// answers sampling; elicitation where both sides have it (else the call fails cleanly instead of hanging).
/// </summary>
public sealed class McpVersionMatrixTests(VersionMatrixFixture matrix) : IClassFixture<VersionMatrixFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var client in VersionMatrixFixture.ClientRevisions)
        {
            foreach (var target in VersionMatrixFixture.Targets)
            {
                pairs.Add(client, target);
            }
        }

        return pairs;
    }

    private static bool HasElicitation(string revision) => string.CompareOrdinal(revision, "2025-06-18") >= 0;

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task ClientOnRevision_TargetOnRevision_ToolsResourcesPromptsProgressAndServerRequestsWork(string clientRevision, string target)
    {
        var targetRevision = VersionMatrixFixture.RevisionOf(target);
        var handlers = new McpClientHandlers
        {
            SamplingHandler = (request, _, _) => ValueTask.FromResult(new CreateMessageResult
            {
                Model = "test-model",
                Role = Role.Assistant,
                Content = [new TextContentBlock { Text = "sampled by a " + clientRevision + " client" }],
            }),
        };
        if (HasElicitation(clientRevision))
        {
            handlers.ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["name"] = JsonSerializer.SerializeToElement("Ada") },
            });
        }

        await using var client = await McpTestClient.ConnectAsync(matrix.GatewayFor(target), options: new McpClientOptions { ProtocolVersion = clientRevision, Handlers = handlers });
        Assert.Equal(clientRevision, client.NegotiatedProtocolVersion);

        // The session's own upstream connections come up in the background: wait for the target's tools.
        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == $"{target}_echo"), TimeSpan.FromSeconds(20)), $"{target}_echo listed");

        var echo = await client.CallToolAsync($"{target}_echo", new Dictionary<string, object?> { ["text"] = "hi " + targetRevision }, cancellationToken: Ct);
        Assert.Equal("hi " + targetRevision, McpFederationTests.Text(echo));

        var resource = await client.ReadResourceAsync($"{target}+note://readme", cancellationToken: Ct);
        Assert.Equal("read me first", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);

        var prompt = await client.GetPromptAsync($"{target}_greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: Ct);
        Assert.Contains("Ada", Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text, StringComparison.Ordinal);

        var updates = new ConcurrentQueue<ProgressNotificationValue>();
        var countdown = await client.CallToolAsync($"{target}_countdown", new Dictionary<string, object?> { ["n"] = 3 }, new QueueProgress(updates), cancellationToken: Ct);
        Assert.Equal("liftoff", McpFederationTests.Text(countdown));
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(updates.Count >= 3), TimeSpan.FromSeconds(5)), $"progress: {updates.Count} updates");

        var sampled = await client.CallToolAsync($"{target}_ask", new Dictionary<string, object?> { ["question"] = "ready?" }, cancellationToken: Ct);
        Assert.Equal("sampled by a " + clientRevision + " client", McpFederationTests.Text(sampled));

        var elicited = await client.CallToolAsync($"{target}_confirm", cancellationToken: Ct);
        if (!HasElicitation(clientRevision))
        {
            Assert.StartsWith("elicitation failed", McpFederationTests.Text(elicited), StringComparison.Ordinal); // refused at once, no hang
        }
        else if (HasElicitation(targetRevision))
        {
            Assert.Equal("hello Ada", McpFederationTests.Text(elicited));
        }
    }

    [Fact]
    public async Task EveryTarget_NegotiatesItsOwnRevision_SendsItsHeader_AndTheAdminApiShowsIt()
    {
        await using (var client = await McpTestClient.ConnectAsync(matrix.Gateway))
        {
            Assert.True(await McpTestClient.EventuallyAsync(async () =>
                (await client.ListToolsAsync(cancellationToken: Ct)).Count(t => t.Name.EndsWith("_echo", StringComparison.Ordinal)) == 4,
                TimeSpan.FromSeconds(20)), "all four targets listed");
            foreach (var revision in VersionMatrixFixture.TargetRevisions)
            {
                await client.CallToolAsync($"{VersionMatrixFixture.TargetName(revision)}_echo", new Dictionary<string, object?> { ["text"] = "x" }, cancellationToken: Ct);
            }
        }

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{matrix.AdminPort}") };
        using var report = JsonDocument.Parse(await admin.GetStringAsync("/mcp/targets", Ct));
        var targets = report.RootElement.GetProperty("backends").GetProperty("tools").GetProperty("targets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t);
        foreach (var revision in VersionMatrixFixture.TargetRevisions)
        {
            var shown = targets[VersionMatrixFixture.TargetName(revision)];
            Assert.True(shown.GetProperty("connected").GetBoolean(), revision);
            Assert.Equal(revision, shown.GetProperty("protocolVersion").GetString());
            Assert.Equal($"pinned-{revision}", shown.GetProperty("server").GetProperty("name").GetString());
        }

        // Streamable HTTP requests after initialize carry the negotiated revision (a pinned server refuses any other).
        foreach (var revision in VersionMatrixFixture.TargetRevisions.Where(r => r != "2024-11-05"))
        {
            var headers = matrix.Servers[revision].ProtocolHeaders.Where(static h => h is not null).Distinct().ToList();
            Assert.Equal([revision], headers);
        }
    }

    private sealed class QueueProgress(ConcurrentQueue<ProgressNotificationValue> updates) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => updates.Enqueue(value);
    }
}
