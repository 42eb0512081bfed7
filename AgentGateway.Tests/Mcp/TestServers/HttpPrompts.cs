using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Prompts of the Streamable HTTP test server.</summary>
[McpServerPromptType]
public sealed class HttpPrompts
{
    [McpServerPrompt(Name = "greet"), Description("Greets someone")]
    public static string Greet(string name) => $"Say hello to {name}";

    /// <summary>Completes the <c>name</c> of <c>greet</c> (and anything else with nothing) from a few names, by prefix.</summary>
    public static ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> ctx, CancellationToken ct)
    {
        string[] names = ctx.Params is { Ref: PromptReference { Name: "greet" }, Argument.Name: "name" } p
            ? [.. new[] { "Ada", "Alan", "Grace" }.Where(n => n.StartsWith(p.Argument.Value, StringComparison.OrdinalIgnoreCase))]
            : [];
        return ValueTask.FromResult(new CompleteResult { Completion = new Completion { Values = names, Total = names.Length } });
    }
}
