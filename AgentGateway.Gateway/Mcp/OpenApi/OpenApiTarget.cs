#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.OpenApi;

/// <summary>
/// A REST API as an MCP target: tools only. A call becomes one HTTP request; a JSON response becomes text plus
/// structured content, an HTTP error status becomes an <c>isError</c> result (the model can read and react to it).
/// </summary>
internal sealed class OpenApiTarget(string name, OpenApiToolSet toolSet, HttpClient httpClient) : IUpstreamTarget
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(100);

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerCapabilities Capabilities { get; } = new() { Tools = new ToolsCapability() };

    public string? ProtocolVersion => null;

    public Implementation? ServerInfo => null;

    public Sessions.UpstreamSessionState? Session => null;

    public Task Completion => _closed.Task;

    public ValueTask<ListToolsResult> ListToolsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListToolsResult
        {
            Tools = [.. toolSet.Tools.Select(static t => new Tool { Name = t.Name, Description = t.Description, InputSchema = t.InputSchema })],
        });

    public async ValueTask<CallToolResult> CallToolAsync(string toolName, IDictionary<string, JsonElement>? arguments,
        IProgress<ProgressNotificationValue>? progress, JsonObject? meta, CancellationToken cancellationToken)
    {
        var tool = toolSet.Tools.FirstOrDefault(t => t.Name == toolName)
            ?? throw new McpProtocolException($"Unknown tool: '{toolName}'", McpErrorCode.InvalidParams);
        using var request = OpenApiRequestBuilder.Build(tool, toolSet, arguments ?? new Dictionary<string, JsonElement>());
        if (meta?["traceparent"]?.GetValue<string>() is { } traceparent)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ErrorResult($"The REST API of target '{name}' could not be reached: {ex.GetType().Name}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ErrorResult($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
            }

            var result = new CallToolResult { Content = [new TextContentBlock { Text = body }] };
            if (IsJson(response.Content.Headers.ContentType) && TryParse(body) is { } json)
            {
                // structuredContent must be an object; wrap anything else.
                result.StructuredContent = JsonSerializer.SerializeToElement(json is JsonObject ? json : new JsonObject { ["result"] = json });
            }

            return result;
        }
    }

    private static CallToolResult ErrorResult(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetBytes(body));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask<ListPromptsResult> ListPromptsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) => ValueTask.FromResult(new ListPromptsResult());

    public ValueTask<GetPromptResult> GetPromptAsync(string promptName, IDictionary<string, JsonElement>? arguments, JsonObject? meta, CancellationToken cancellationToken) =>
        throw new McpProtocolException($"Unknown prompt: '{promptName}'", McpErrorCode.InvalidParams);

    public ValueTask<ListResourcesResult> ListResourcesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) => ValueTask.FromResult(new ListResourcesResult());

    public ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourceTemplatesResult());

    public ValueTask<ReadResourceResult> ReadResourceAsync(string uri, JsonObject? meta, CancellationToken cancellationToken) =>
        throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.ResourceNotFound);

    public ValueTask<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken) => ValueTask.FromResult(new CompleteResult());

    public Task SetLoggingLevelAsync(LoggingLevel level, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SubscribeAsync(string uri, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnsubscribeAsync(string uri, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to check: each call is its own HTTP request.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _closed.TrySetResult();
        httpClient.Dispose();
        return default;
    }
}
