using System.Text.Json;
using AgentGateway.A2A;
using AgentGateway.Configuration;
using AgentGateway.Http;
using AgentGateway.Llm.Providers;
using AgentGateway.Mcp;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Mcp.Federation;
using AgentGateway.Mcp.Upstream;
using AgentGateway.Routing;

namespace AgentGateway.Admin.Api;

/// <summary>
/// <c>GET /api/backends</c>: every backend with its live state — LLM providers (models, cooldown, token usage), MCP
/// targets (connection, server, tools/prompts/resources under their federated names, live sessions), A2A agents
/// (card and skills) and http destinations (passive health). URLs lose their credentials as in <c>/config</c>.
/// </summary>
internal static class BackendsEndpoint
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> HandleAsync(HttpContext http, IGatewayConfigProvider provider, McpRuntimeRegistry mcp,
        ProviderHealth health, HttpDestinationPicker destinations, A2AUpstream a2a, RouteMetrics metrics)
    {
        var config = provider.Current;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(ProbeTimeout);
        var running = mcp.Running();
        var mcpTasks = config.Mcp.ToDictionary(static b => b.Key, b => McpBackendAsync(b.Key, b.Value, running.GetValueOrDefault(b.Key), timeout.Token));
        var a2aTasks = config.A2A.ToDictionary(static b => b.Key, b => AgentCardAsync(a2a, b.Value, timeout.Token));
        await Task.WhenAll([.. mcpTasks.Values, .. a2aTasks.Values]);
        return Results.Json(new
        {
            llm = config.Llm.ToDictionary(static b => b.Key, b => new
            {
                providers = b.Value.Providers.Select(p => new
                {
                    name = p.Name,
                    type = p.Type,
                    baseUrl = p.BaseUrl is null ? null : UrlRedactor.Redact(p.BaseUrl),
                    models = p.Models,
                    coolingDownUntil = health.IsCoolingDown(b.Key + "/" + p.Name, out var until) ? until : (DateTimeOffset?)null,
                }),
                aliases = b.Value.Aliases,
                failover = b.Value.Failover,
            }),
            tokens = metrics.Tokens().Select(static t => new { provider = t.Provider, model = t.Model, type = t.Kind, tokens = t.Tokens }),
            mcp = mcpTasks.ToDictionary(static t => t.Key, static t => t.Value.Result),
            a2a = a2aTasks.ToDictionary(static t => t.Key, static t => t.Value.Result),
            http = config.Http.ToDictionary(static b => b.Key, b => new
            {
                destinations = b.Value.Destinations.Select(d => new
                {
                    url = UrlRedactor.Redact(d),
                    downUntil = destinations.DownUntil(d),
                    healthy = destinations.DownUntil(d) is null,
                }),
            }),
        });
    }

    private static async Task<object> McpBackendAsync(string name, McpBackendConfig config, McpBackendRuntime? runtime, CancellationToken ct)
    {
        if (runtime is null)
        {
            // A backend connects on its first request; until then only its config is known.
            return new
            {
                started = false,
                sessions = 0,
                targets = config.Targets.Select(static t => Target(TargetStatus.Of(t, null), null)),
            };
        }

        var (connections, prefixed) = runtime.SharedTargets;
        var targets = await Task.WhenAll(connections.Select(async c => Target(c.Describe(), c.Current is { } live ? await CatalogAsync(c.Name, live, prefixed, ct) : null)));
        return new { started = true, sessions = McpTelemetry.CountSessions(name), prefixed, targets };
    }

    private static object Target(TargetStatus status, object? catalog) => new
    {
        name = status.Name,
        kind = status.Kind,
        transport = status.Transport,
        connected = status.Connected,
        protocolVersion = status.ProtocolVersion,
        server = status.ServerName is null ? null : new { name = status.ServerName, version = status.ServerVersion },
        catalog,
    };

    /// <summary>The first page of each list, under the names clients see (a failure is reported, not thrown).</summary>
    private static async Task<object> CatalogAsync(string target, IUpstreamTarget live, bool prefixed, CancellationToken ct)
    {
        try
        {
            var tools = live.Capabilities.Tools is null ? null : (await live.ListToolsAsync(null, null, ct)).Tools
                .Select(t => new { name = t.Name, exposed = FederatedNames.ExposeName(target, t.Name, prefixed), description = t.Description });
            var prompts = live.Capabilities.Prompts is null ? null : (await live.ListPromptsAsync(null, null, ct)).Prompts
                .Select(p => new { name = p.Name, exposed = FederatedNames.ExposeName(target, p.Name, prefixed), description = p.Description });
            var resources = live.Capabilities.Resources is null ? null : (await live.ListResourcesAsync(null, null, ct)).Resources
                .Select(r => new { uri = r.Uri, exposed = FederatedNames.ExposeUri(target, r.Uri, prefixed), name = r.Name });
            return new { tools, prompts, resources };
        }
#pragma warning disable CA1031 // One target's failure is shown on its row; the page still renders the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new { error = ex.Message };
        }
    }

    private static async Task<object> AgentCardAsync(A2AUpstream upstream, A2ABackendConfig backend, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, A2AUpstream.Target(backend, A2A.Protocol.A2AHeaders.CardPath));
            foreach (var (header, value) in backend.Headers)
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }

            using var response = await upstream.SendAsync(backend, request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new { error = $"the agent card answered {(int)response.StatusCode}" };
            }

            using var card = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var root = card.RootElement;
            // Name, version, binding and skills only: the card's own URLs are the agent's addresses, which the gateway hides.
            return new
            {
                card = new
                {
                    name = Str(root, "name"),
                    description = Str(root, "description"),
                    version = Str(root, "version"),
                    protocolVersion = Str(root, "protocolVersion"),
                    preferredTransport = Str(root, "preferredTransport"),
                    streaming = root.TryGetProperty("capabilities", out var caps) && caps.ValueKind == JsonValueKind.Object
                        && caps.TryGetProperty("streaming", out var s) && s.ValueKind == JsonValueKind.True,
                    skills = root.TryGetProperty("skills", out var skills) && skills.ValueKind == JsonValueKind.Array
                        ? skills.EnumerateArray().Select(k => new { id = Str(k, "id"), name = Str(k, "name"), description = Str(k, "description") }).ToList()
                        : [],
                },
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException)
        {
            return new { error = ex is OperationCanceledException ? "the agent did not answer in time" : ex.Message };
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
