using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Resources of the Streamable HTTP test server.</summary>
[McpServerResourceType]
public sealed class HttpResources
{
    [McpServerResource(UriTemplate = "note://readme", Name = "readme", MimeType = "text/plain"), Description("A note")]
    public static string Readme() => "read me first";
}
