using AgentGateway.Configuration;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Mcp.Upstream;

namespace AgentGateway.Admin;

/// <summary>
/// <c>GET /mcp/targets</c>: per mcp backend, each target's connection state and the MCP protocol revision it
/// negotiated. A backend builds its connections on its first request; until then it is listed as not started.
/// </summary>
internal static class McpTargetsEndpoint
{
    public static IResult Handle(IGatewayConfigProvider config, McpRuntimeRegistry registry)
    {
        var running = registry.Running();
        return Results.Json(new
        {
            backends = config.Current.Mcp.ToDictionary(static b => b.Key, b =>
            {
                var runtime = running.GetValueOrDefault(b.Key);
                var targets = runtime?.DescribeTargets() ?? [.. b.Value.Targets.Select(static t => TargetStatus.Of(t, null))];
                return new
                {
                    started = runtime is not null,
                    targets = targets.Select(static t => new
                    {
                        name = t.Name,
                        kind = t.Kind,
                        transport = t.Transport,
                        connected = t.Connected,
                        protocolVersion = t.ProtocolVersion,
                        server = t.ServerName is null ? null : new { name = t.ServerName, version = t.ServerVersion },
                    }),
                };
            }, StringComparer.Ordinal),
        });
    }
}
