using System.Reflection;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Mcp.Federation;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.Endpoint;

/// <summary>
/// Idle sessions share what does not differ between them: every session's SDK server points at the backend's one set
/// of handlers (telemetry and authorization composed in, no SDK request filters to re-apply per session), filters and
/// capabilities, and keeps only a small options object of its own.
/// </summary>
public sealed class SessionOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoSessions_ShareHandlersFiltersAndCapabilities_NoGatewayRequestFilters()
    {
        await using var server = await TestMcpServer.StartAsync();
        await using var gateway = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", server.Url)));
        await using (var warm = await McpTestClient.ConnectAsync(gateway))
        {
            await warm.ListToolsAsync(cancellationToken: Ct); // the target's capabilities are known from here on: sessions get the same shape
        }

        await using var first = await McpTestClient.ConnectAsync(gateway);
        await using var second = await McpTestClient.ConnectAsync(gateway);
        await first.ListToolsAsync(cancellationToken: Ct); // both sessions open and served
        await second.ListToolsAsync(cancellationToken: Ct);

        var runtime = Assert.Single(gateway.Services.GetRequiredService<McpRuntimeRegistry>().Running().Values);
        var a = Assert.IsAssignableFrom<McpServer>(runtime.ServerOf(first.SessionId!)).ServerOptions;
        var b = Assert.IsAssignableFrom<McpServer>(runtime.ServerOf(second.SessionId!)).ServerOptions;

        Assert.NotSame(a, b); // each session's own (the SDK writes per-session values into it)
        Assert.Same(a.Handlers, b.Handlers);
        Assert.Same(a.Handlers.CallToolHandler, b.Handlers.CallToolHandler);
        Assert.Same(a.Filters, b.Filters);
        Assert.Same(a.Capabilities, b.Capabilities);
        Assert.Same(a.ServerInfo, b.ServerInfo);
        // Only the SDK's own filters (its [Authorize] checks, registered by WithHttpTransport) are left for it to apply per session.
        var bare = new ServiceCollection().AddMcpServer().WithHttpTransport().Services.BuildServiceProvider()
            .GetRequiredService<IOptions<McpServerOptions>>().Value.Filters.Request;
        var ours = a.Filters.Request;
        Assert.Equal(bare.ListToolsFilters.Count, ours.ListToolsFilters.Count);
        Assert.Equal(bare.CallToolFilters.Count, ours.CallToolFilters.Count);
        Assert.Equal(bare.ListPromptsFilters.Count, ours.ListPromptsFilters.Count);
        Assert.Equal(bare.GetPromptFilters.Count, ours.GetPromptFilters.Count);
        Assert.Equal(bare.ListResourcesFilters.Count, ours.ListResourcesFilters.Count);
        Assert.Equal(bare.ListResourceTemplatesFilters.Count, ours.ListResourceTemplatesFilters.Count);
        Assert.Equal(bare.ReadResourceFilters.Count, ours.ReadResourceFilters.Count);
        Assert.Equal(bare.CompleteFilters.Count, ours.CompleteFilters.Count);
        Assert.Equal(bare.SubscribeToResourcesFilters.Count, ours.SubscribeToResourcesFilters.Count);
    }

    /// <summary>
    /// The per-session copy carries every settable option of the template. Each is given a value that differs from
    /// its default first, so an option the copy forgets (one a newer SDK adds) fails here.
    /// </summary>
    [Fact]
    public void Create_CopiesEverySettableOption()
    {
        var template = new McpServerOptions();
        var properties = typeof(McpServerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).ToList();
        foreach (var property in properties)
        {
            property.SetValue(template, Probe(property, property.GetValue(template)));
        }

        var copy = new SessionOptionsFactory(new Fixed(template), static () => MergedCapabilities.Absent.None).Create(Options.DefaultName);

        Assert.NotSame(template, copy);
        Assert.All(properties, p => Assert.Equal(p.GetValue(template), p.GetValue(copy)));
    }

    /// <summary>The session options follow the targets' capabilities: one template per shape, built once.</summary>
    [Fact]
    public void Create_OneTemplatePerCapabilityShape()
    {
        var absent = MergedCapabilities.Absent.None;
        var built = 0;
        var factory = new SessionOptionsFactory(new Counting(() => built++), () => absent);

        var full1 = factory.Create(Options.DefaultName);
        var full2 = factory.Create(Options.DefaultName);
        absent = MergedCapabilities.Absent.Prompts | MergedCapabilities.Absent.Completions;
        var narrowed = factory.Create(Options.DefaultName);

        Assert.Equal(2, built);
        Assert.Same(full1.Handlers, full2.Handlers);
        Assert.NotNull(full1.Handlers.GetPromptHandler);
        Assert.Null(narrowed.Handlers.GetPromptHandler);
        Assert.Null(narrowed.Handlers.CompleteHandler);
        Assert.Null(narrowed.Capabilities!.Prompts);
        Assert.NotNull(full1.Capabilities!.Prompts);
    }

    private static object? Probe(PropertyInfo property, object? current)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(string) => "probe",
            _ when type == typeof(bool) => !(bool)current!,
            _ when type == typeof(int) => 1234,
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(7),
            _ when type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) =>
                Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments())),
            _ when type.GetConstructors().FirstOrDefault(static c => c.GetParameters().All(static p => p.IsOptional)) is { } ctor =>
                ctor.Invoke([.. ctor.GetParameters().Select(static _ => Type.Missing)]),
            _ => throw new InvalidOperationException($"No probe value for McpServerOptions.{property.Name} ({type}): add one, and copy it in SessionOptionsFactory."),
        };
    }

    private sealed class Fixed(McpServerOptions options) : IOptionsFactory<McpServerOptions>
    {
        public McpServerOptions Create(string name) => options;
    }

    private sealed class Counting(Action built) : IOptionsFactory<McpServerOptions>
    {
        public McpServerOptions Create(string name)
        {
            built();
            var options = new McpServerOptions { Capabilities = new() { Prompts = new(), Completions = new() } };
            options.Handlers.GetPromptHandler = static (_, _) => ValueTask.FromResult(new ModelContextProtocol.Protocol.GetPromptResult());
            options.Handlers.CompleteHandler = static (_, _) => ValueTask.FromResult(new ModelContextProtocol.Protocol.CompleteResult());
            return options;
        }
    }
}
