using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Configuration;

public class ConfigLoadingTests
{
    private static (GatewayConfig? Config, IReadOnlyList<ConfigError> Errors) Load(string text, string extension = ".yaml", params string[] extraArgs)
    {
        var dir = Directory.CreateTempSubdirectory("agw-config-").FullName;
        var path = Path.Combine(dir, "gateway" + extension);
        File.WriteAllText(path, text);
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false", .. extraArgs]));
        var config = app?.Services.GetRequiredService<IGatewayConfigProvider>().Current;
        (app as IDisposable)?.Dispose();
        return (config, errors);
    }

    [Fact]
    public void Yaml_BindsEverySection()
    {
        var (config, errors) = Load("""
            admin: { url: "" }
            routes:
              - name: legacy
                path: /api
                hosts: ["*.example.com"]
                methods: [GET]
                http: legacy
                policies: [open]
            http:
              legacy: { destinations: [http://a:1, http://b:2] }
            policies:
              open: { rateLimit: { requests: 10, per: 1m } }
            sessions: { store: memory, ttl: 10m }
            limits: { maxRequestBodySize: 2048 }
            """);

        Assert.Empty(errors);
        var route = Assert.Single(config!.Routes);
        Assert.Equal(("legacy", "/api", "legacy"), (route.Name, route.Path, route.Http));
        Assert.Equal(["*.example.com"], route.Hosts);
        Assert.Equal(2, config.Http["legacy"].Destinations.Count);
        Assert.Equal(10, config.Policies["open"].RateLimit!.Requests);
        Assert.Equal("10m", config.Sessions.Ttl);
        Assert.Equal(2048, config.Limits.MaxRequestBodySize);
        Assert.Equal("", config.Admin.Url);
    }

    [Fact]
    public void Json_IsAcceptedToo()
    {
        var (config, errors) = Load("""{ "admin": { "url": "" }, "http": { "b": { "destinations": ["http://x:1"] } }, "routes": [ { "name": "r", "path": "/", "http": "b" } ] }""", ".json");

        Assert.Empty(errors);
        Assert.Equal("b", config!.Routes[0].Http);
    }

    [Fact]
    public void Interpolation_ReplacesEnvironmentVariables_AndReportsMissingOnesWithTheirPath()
    {
        Environment.SetEnvironmentVariable("AGW_TEST_DEST", "http://from-env:9");
        var (config, _) = Load("""
            admin: { url: "" }
            routes: [{ name: r, path: /, http: b, headers: { x-literal: "$${LITERAL}" } }]
            http: { b: { destinations: ["${AGW_TEST_DEST}"] } }
            """);
        var (_, errors) = Load("""
            admin: { url: "" }
            http: { b: { destinations: ["${AGW_TEST_SURELY_MISSING}"] } }
            """);

        Assert.Equal("http://from-env:9", config!.Http["b"].Destinations[0]);
        Assert.Equal("${LITERAL}", config.Routes[0].Headers["x-literal"]);
        var error = Assert.Single(errors, e => e.Message.Contains("AGW_TEST_SURELY_MISSING", StringComparison.Ordinal));
        Assert.Equal("http.b.destinations[0]", error.Path);
    }

    [Fact]
    public void EnvironmentVariables_OverrideFileKeys()
    {
        Environment.SetEnvironmentVariable("Gateway__limits__maxRequestBodySize", "4321");
        try
        {
            var (config, errors) = Load("""
                admin: { url: "" }
                limits: { maxRequestBodySize: 1000 }
                """);
            Assert.Empty(errors);
            Assert.Equal(4321, config!.Limits.MaxRequestBodySize);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Gateway__limits__maxRequestBodySize", null);
        }
    }

    private const string ThreeMistakes = """
        admin: { url: "" }
        routes:
          - { name: a, path: /a, mcp: tool }
        limits: { maxRequestBodySize: lots }
        colour: blue
        """;

    [Fact]
    public void ThreeMistakes_AreAllReported_WithPaths()
    {
        var (config, errors) = Load(ThreeMistakes);

        Assert.Null(config);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.ToString() == "limits.maxRequestBodySize: 'lots' is not a number");
        Assert.Contains(errors, e => e.ToString() == "colour: unknown key 'colour'");
        Assert.Contains(errors, e => e.ToString() == "routes[0].mcp: no mcp backend named 'tool'");
    }

    [Fact]
    public async Task ValidateSwitch_PrintsEveryErrorAndExitsWith2_OrExits0WhenValid()
    {
        var dir = Directory.CreateTempSubdirectory("agw-validate-").FullName;
        var bad = Path.Combine(dir, "bad.yaml");
        var good = Path.Combine(dir, "good.yaml");
        await File.WriteAllTextAsync(bad, ThreeMistakes, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(good, "routes: []\n", TestContext.Current.CancellationToken);

        var (badExit, badOutput) = await RunGatewayAsync("--validate", bad);
        var (goodExit, _) = await RunGatewayAsync("--validate", good);

        Assert.Equal(2, badExit);
        Assert.Contains("3 errors", badOutput, StringComparison.Ordinal);
        Assert.Contains("routes[0].mcp: no mcp backend named 'tool'", badOutput, StringComparison.Ordinal);
        Assert.Contains("limits.maxRequestBodySize", badOutput, StringComparison.Ordinal);
        Assert.Contains("colour", badOutput, StringComparison.Ordinal);
        Assert.Equal(0, goodExit);
    }

    private static async Task<(int Exit, string Output)> RunGatewayAsync(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentGateway.Gateway.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public void SemanticMistakes_AreAllReported_WithPaths()
    {
        var (_, semantic) = Load("""
            admin: { url: "" }
            routes:
              - { name: a, path: /a, mcp: tool }
              - { name: b, path: nope, http: web }
              - { name: a, path: /c }
            http: { web: { destinations: [http://x:1] } }
            """);
        Assert.Contains(semantic, e => e.ToString() == "routes[0].mcp: no mcp backend named 'tool'");
        Assert.Contains(semantic, e => e.Path == "routes[1].path");
        Assert.Contains(semantic, e => e.Path == "routes[2].name");
        Assert.Contains(semantic, e => e.Path == "routes[2]" && e.Message.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void YamlSyntaxError_IsReportedWithLineAndColumn()
    {
        var (config, errors) = Load("routes:\n  - name: a\n   path: [oops\n");

        Assert.Null(config);
        Assert.Contains("line", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneralValidator_ChecksSessionsAdminAndListeners()
    {
        var context = new ConfigValidationContext(Path.GetTempPath());
        new GeneralConfigValidator().Validate(new GatewayConfig
        {
            Admin = new AdminConfig { Url = "ftp://x" },
            Sessions = new SessionsConfig { Store = "disk", Ttl = "forever" },
            Listeners = [new ListenerConfig { Url = "https://0.0.0.0:8443" }],
            Limits = new LimitsConfig { MaxRequestBodySize = 0 },
        }, context);

        Assert.Equal(
            ["admin.url", "limits.maxRequestBodySize", "listeners[0].certificate", "sessions.store", "sessions.ttl"],
            context.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    public void Duration_ParsesUnits(string text, double ms)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(ms, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten s")]
    [InlineData("5y")]
    public void Duration_RejectsNonsense(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void CommandLine_SeparatesGatewaySwitchesFromHostArguments()
    {
        var cmd = GatewayCommandLine.Parse(["--config", "g.yaml", "--urls", "http://x:1", "--validate"]);

        Assert.Equal("g.yaml", cmd.ConfigFile);
        Assert.True(cmd.ValidateOnly);
        Assert.Equal(["--urls", "http://x:1"], cmd.HostArgs);
    }
}
