using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentGateway.Tests.A2A;

namespace AgentGateway.Tests.Admin;

/// <summary>
/// The admin UI in headless Chromium (playwright-core, Debian's chromium) against a gateway with real backends: every
/// page shows live data, the simulator explains a real denied request, and the three playgrounds work end to end.
/// Screenshots go to TestResults/admin-ui next to the test assembly (CI keeps TestResults).
/// </summary>
[Collection(AdminGatewayGroup.Name)]
public sealed class AdminUiBrowserTests(AdminGatewayFixture stack)
{
    private const string Chromium = "/usr/bin/chromium";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPage_ShowsLiveData_SimulatorExplainsADenial_AndThePlaygroundsWork()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install -y chromium)");
        var jsDir = Path.Combine(RepoPaths.Root, "AgentGateway.Tests", "Admin", "js");
        Assert.True(Directory.Exists(Path.Combine(jsDir, "node_modules", "playwright-core")),
            $"playwright-core is not installed in {jsDir}: the build's NpmRestore step runs npm ci there");

        // Traffic for the overview, and a request the guarded route denies for the simulator to explain.
        using (var client = stack.Gateway.CreateClient())
        {
            (await client.GetAsync("/echo/hello", Ct)).EnsureSuccessStatusCode();
            using var denied = new HttpRequestMessage(HttpMethod.Get, "/guarded/x") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", AdminGatewayFixture.GuestKey) } };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(denied, Ct)).StatusCode);
        }

        // An MCP client session, so the backends page shows the target connected with its tools and a live session.
        await using var mcp = await ModelContextProtocol.Client.McpClient.CreateAsync(new ModelContextProtocol.Client.HttpClientTransport(new()
        {
            Endpoint = new Uri(stack.Gateway.BaseAddress, "/mcp"),
            TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
        }), new() { ProtocolVersion = "2025-11-25" }, cancellationToken: Ct);
        await mcp.ListToolsAsync(cancellationToken: Ct);

        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "admin-ui")).FullName;
        var (exitCode, stdout, stderr) = await RunNodeAsync(jsDir, "admin-ui.mjs", stack.AdminAddress.ToString().TrimEnd('/'), shots, "Bearer " + AdminGatewayFixture.LlmKey);

        Assert.True(exitCode == 0, $"browser script failed ({exitCode}):\n{stdout}\n{stderr}");
        using var seen = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var s = seen.RootElement;
        string Text(string name) => s.GetProperty(name).GetString()!;

        Assert.Contains("/echo", Text("overviewEcho"), StringComparison.Ordinal);
        Assert.Contains("accepted", Text("configLoad"), StringComparison.Ordinal);
        Assert.Contains("get_forecast", Text("mcpTarget"), StringComparison.Ordinal);
        Assert.Contains("connected", Text("mcpTarget"), StringComparison.Ordinal);
        Assert.Contains("Planner", Text("agent"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("mock-openai", Text("llm"), StringComparison.Ordinal);

        Assert.Equal("Deny", Text("decision").Trim());
        Assert.Contains("policy1", Text("determining"), StringComparison.Ordinal);
        var highlighted = Assert.Single(s.GetProperty("highlighted").EnumerateArray());
        Assert.StartsWith("forbid(principal == ApiKey::\"guest\"", highlighted.GetString(), StringComparison.Ordinal);

        Assert.Contains("get_forecast", s.GetProperty("mcpTools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("ok", Text("mcpResultState"));
        Assert.Contains("Lisbon", Text("mcpResult"), StringComparison.Ordinal);

        Assert.Equal("ok", Text("llmState"));
        Assert.True(s.GetProperty("llmChunks").GetInt32() > 1, "the answer arrived in one piece, not streamed");
        Assert.False(string.IsNullOrWhiteSpace(Text("llmOutput")));
        Assert.Contains("usage:", Text("llmMeta"), StringComparison.Ordinal);
        Assert.Contains("answered by provider type", Text("llmMeta"), StringComparison.Ordinal);

        Assert.Contains("/agents/planner", Text("a2aCard"), StringComparison.Ordinal); // the card the gateway rewrote
        Assert.Equal("completed", Text("a2aFinal"));
        var updates = s.GetProperty("a2aUpdates").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.Contains(updates, u => u.Contains("event 3", StringComparison.Ordinal));

        Assert.Equal([stack.AdminAddress.GetLeftPart(UriPartial.Authority)], s.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
        foreach (var shot in new[] { "overview.png", "backends.png", "policies-why.png", "mcp-playground.png", "llm-playground.png", "a2a-playground.png" })
        {
            var path = Path.Combine(shots, shot);
            Assert.True(new FileInfo(path).Length > 1000, $"{shot} missing");
            TestContext.Current.AddAttachment(shot, await File.ReadAllBytesAsync(path, Ct), "image/png");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
