using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// A client's <c>tools/call</c> as the forwarding path needs it, read from the body once. Anything unusual (a batch,
/// a response, another method, duplicate keys, an id or token of an odd type, a task-augmented call, arguments that
/// are not an object) is not read here: the SDK path answers it, with the errors clients get today.
/// </summary>
internal sealed class ToolCallRequest : IDisposable
{
    // Duplicate keys have no single meaning; the SDK path refuses them (400), so they must never be forwarded.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    private readonly JsonDocument _document;

    private ToolCallRequest(JsonDocument document, JsonElement id, string name, JsonElement? arguments, JsonElement? meta, JsonElement? progressToken)
    {
        _document = document;
        Id = id;
        Name = name;
        Arguments = arguments;
        Meta = meta;
        ProgressToken = progressToken;
    }

    /// <summary>The client's request id (a string or an integer), written back verbatim.</summary>
    public JsonElement Id { get; }

    /// <summary>The exposed tool name, unescaped (as the SDK reads it).</summary>
    public string Name { get; }

    public JsonElement? Arguments { get; }

    public JsonElement? Meta { get; }

    /// <summary>The client's progress token (a string or an integer), when it asked for progress.</summary>
    public JsonElement? ProgressToken { get; }

    /// <summary>The arguments as the SDK path hands them to authorization (null when the call has none).</summary>
    public IDictionary<string, JsonElement>? ArgumentsForPolicy()
    {
        if (Arguments is not { } arguments)
        {
            return null;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in arguments.EnumerateObject())
        {
            result[property.Name] = property.Value;
        }

        return result;
    }

    /// <summary>The client's <c>_meta</c> as a node (for <see cref="Federation.UpstreamMeta"/>); null when absent.</summary>
    public JsonObject? MetaNode() => Meta is { } meta ? JsonObject.Create(meta) : null;

    /// <summary>The call in <paramref name="body"/>, or null when the body is anything else or anything unusual.</summary>
    public static ToolCallRequest? TryRead(ReadOnlySequence<byte> body)
    {
        JsonDocument document;
        try
        {
            // Its own copy: a document over a one-segment sequence reads the request pipe's memory, which is reused
            // once the pipe is advanced, while the call (and its id and progress token) lives on.
            document = JsonDocument.Parse(body.ToArray().AsMemory(), Strict);
        }
        catch (JsonException)
        {
            return null;
        }

        var call = TryRead(document);
        if (call is null)
        {
            document.Dispose();
        }

        return call;
    }

    private static ToolCallRequest? TryRead(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("jsonrpc"u8, out var version) || !version.ValueEquals("2.0"u8)
            || !root.TryGetProperty("method"u8, out var method) || !method.ValueEquals("tools/call"u8)
            || !root.TryGetProperty("id"u8, out var id) || !IsPlainId(id)
            || !root.TryGetProperty("params"u8, out var parameters) || parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("name"u8, out var name) || name.ValueKind != JsonValueKind.String
            || parameters.TryGetProperty("task"u8, out _))
        {
            return null;
        }

        JsonElement? arguments = null;
        if (parameters.TryGetProperty("arguments"u8, out var args))
        {
            if (args.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            arguments = args;
        }

        JsonElement? meta = null;
        JsonElement? token = null;
        if (parameters.TryGetProperty("_meta"u8, out var m))
        {
            if (m.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            meta = m;
            if (m.TryGetProperty("progressToken"u8, out var t))
            {
                if (!IsPlainId(t))
                {
                    return null;
                }

                token = t;
            }
        }

        return new ToolCallRequest(document, id, name.GetString()!, arguments, meta, token);
    }

    /// <summary>Ids and progress tokens the SDK accepts: a string or an integer.</summary>
    private static bool IsPlainId(JsonElement value) =>
        value.ValueKind == JsonValueKind.String || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _));

    public void Dispose() => _document.Dispose();
}
