using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Prompts of the Streamable HTTP test server.</summary>
[McpServerPromptType]
public sealed class HttpPrompts
{
    [McpServerPrompt(Name = "greet"), Description("Greets someone")]
    public static string Greet(string name) => $"Say hello to {name}";
}
