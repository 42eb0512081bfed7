using System.Buffers;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// A client's request that goes to one target (<c>tools/call</c>, <c>prompts/get</c>, <c>resources/read</c>,
/// <c>completion/complete</c>) as the forwarding path needs it, read from the body once. Anything unusual (a batch, a
/// response, another method, a top-level key JSON-RPC does not define, duplicate keys, an id or token of an odd type,
/// a task-augmented request, a params member of the wrong type, a completion reference with keys of its own) is not
/// read here: the SDK path answers it, with the errors clients get today.
/// </summary>
internal sealed class ForwardedRequest : IDisposable
{
    // Duplicate keys have no single meaning; the SDK path refuses them (400), so they must never be forwarded.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    private readonly JsonDocument _document;

    private ForwardedRequest(JsonDocument document, string method, JsonElement id, string name, JsonElement parameters)
    {
        _document = document;
        Method = method;
        Id = id;
        Name = name;
        Params = parameters;
    }

    /// <summary>One of the four methods, as <see cref="RequestMethods"/> spells it.</summary>
    public string Method { get; }

    /// <summary>The client's request id (a string or an integer), written back verbatim.</summary>
    public JsonElement Id { get; }

    /// <summary>
    /// What the request names, unescaped (as the SDK reads it): the tool or prompt name, the resource URI, or for a
    /// completion the prompt name or the resource template URI of its reference.
    /// </summary>
    public string Name { get; }

    /// <summary>Completions: whether the reference is a prompt's (<c>ref/prompt</c>) rather than a resource template's.</summary>
    public bool PromptReference { get; private init; }

    /// <summary>Completions: the prompt reference's title, sent on as the SDK path sends it.</summary>
    public string? ReferenceTitle { get; private init; }

    /// <summary>Completions: the argument being completed (the SDK path needs it to build its params).</summary>
    public (string Name, string Value) CompletionArgument { get; private init; }

    /// <summary>The client's params object; its members other than the name, URI, reference and <c>_meta</c> go upstream as they came.</summary>
    public JsonElement Params { get; }

    public JsonElement? Meta => Params.TryGetProperty("_meta"u8, out var meta) ? meta : null;

    /// <summary>The client's progress token (a string or an integer), when it asked for progress.</summary>
    public JsonElement? ProgressToken => Meta is { } meta && meta.TryGetProperty("progressToken"u8, out var token) ? token : null;

    /// <summary>Tools and prompts: the arguments object, when present.</summary>
    public JsonElement? Arguments => Params.TryGetProperty("arguments"u8, out var args) ? args : null;

    /// <summary>The params members copied upstream verbatim: those the SDK path's typed params carry besides the name and <c>_meta</c>.</summary>
    public IEnumerable<(string Key, JsonElement Value)> Copied()
    {
        foreach (var key in CopiedKeys(Method))
        {
            if (Params.TryGetProperty(key, out var value))
            {
                yield return (key, value);
            }
        }
    }

    /// <summary>
    /// Tool calls: the arguments object as authorization reads it (null when the call has none; prompts get none, as on
    /// the SDK path). The SDK path hands authorization a dictionary of the same members (duplicate keys are refused
    /// when the body is read), which is serialized to this same object.
    /// </summary>
    public JsonElement? ArgumentsForPolicy() => Method == RequestMethods.ToolsCall ? Arguments : null;

    /// <summary>Whether the body names one of the four methods at all (a cheap check before parsing; an escaped method is simply not seen).</summary>
    public static bool MayBeOne(ReadOnlySequence<byte> body)
    {
        var span = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        return span.IndexOf("\"tools/call\""u8) >= 0 || span.IndexOf("\"prompts/get\""u8) >= 0 || span.IndexOf("\"resources/read\""u8) >= 0
            || span.IndexOf("\"completion/complete\""u8) >= 0;
    }

    /// <summary>The request in <paramref name="body"/>, or null when the body is anything else or anything unusual.</summary>
    public static ForwardedRequest? TryRead(ReadOnlySequence<byte> body)
    {
        JsonDocument document;
        try
        {
            // Its own copy: a document over a one-segment sequence reads the request pipe's memory, which is reused
            // once the pipe is advanced, while the request (and its id and progress token) lives on.
            document = JsonDocument.Parse(body.ToArray().AsMemory(), Strict);
        }
        catch (JsonException)
        {
            return null;
        }

        var request = TryRead(document);
        if (request is null)
        {
            document.Dispose();
        }

        return request;
    }

    private static ForwardedRequest? TryRead(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.GetPropertyCount() != 4
            || !root.TryGetProperty("jsonrpc"u8, out var version) || !version.ValueEquals("2.0"u8)
            || !root.TryGetProperty("method"u8, out var methodElement) || MethodOf(methodElement) is not { } method
            || !root.TryGetProperty("id"u8, out var id) || !IsPlainId(id)
            || !root.TryGetProperty("params"u8, out var parameters) || parameters.ValueKind != JsonValueKind.Object
            || parameters.TryGetProperty("task"u8, out _)
            || (parameters.TryGetProperty("_meta"u8, out var meta) && !IsMeta(meta)))
        {
            return null;
        }

        foreach (var key in CopiedKeys(method))
        {
            if (parameters.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Object)
            {
                return null; // arguments, argument and context are objects; the SDK path reports anything else
            }
        }

        return method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet when StringOf(parameters, "name"u8) is { } name =>
                new ForwardedRequest(document, method, id, name, parameters),
            RequestMethods.ResourcesRead when StringOf(parameters, "uri"u8) is { } uri => new ForwardedRequest(document, method, id, uri, parameters),
            RequestMethods.CompletionComplete => TryReadCompletion(document, id, parameters),
            _ => null,
        };
    }

    /// <summary>A completion whose reference is exactly a prompt's (type, name, title) or a resource template's (type, uri), and whose argument is a name and a value.</summary>
    private static ForwardedRequest? TryReadCompletion(JsonDocument document, JsonElement id, JsonElement parameters)
    {
        if (!parameters.TryGetProperty("ref"u8, out var reference) || reference.ValueKind != JsonValueKind.Object
            || !reference.TryGetProperty("type"u8, out var type)
            || !parameters.TryGetProperty("argument"u8, out var argument) || argument.GetPropertyCount() != 2
            || StringOf(argument, "name"u8) is not { } argumentName || StringOf(argument, "value"u8) is not { } argumentValue)
        {
            return null;
        }

        var title = reference.TryGetProperty("title"u8, out var t) ? t : (JsonElement?)null;
        if (type.ValueEquals("ref/prompt"u8) && StringOf(reference, "name"u8) is { } name
            && reference.GetPropertyCount() == (title is null ? 2 : 3) && title is null or { ValueKind: JsonValueKind.String })
        {
            return new ForwardedRequest(document, RequestMethods.CompletionComplete, id, name, parameters)
            {
                PromptReference = true, ReferenceTitle = title?.GetString(), CompletionArgument = (argumentName, argumentValue),
            };
        }

        return type.ValueEquals("ref/resource"u8) && StringOf(reference, "uri"u8) is { } uri && reference.GetPropertyCount() == 2
            ? new ForwardedRequest(document, RequestMethods.CompletionComplete, id, uri, parameters) { CompletionArgument = (argumentName, argumentValue) }
            : null;
    }

    private static string? MethodOf(JsonElement method) =>
        method.ValueKind != JsonValueKind.String ? null
        : method.ValueEquals(RequestMethods.ToolsCall) ? RequestMethods.ToolsCall
        : method.ValueEquals(RequestMethods.PromptsGet) ? RequestMethods.PromptsGet
        : method.ValueEquals(RequestMethods.ResourcesRead) ? RequestMethods.ResourcesRead
        : method.ValueEquals(RequestMethods.CompletionComplete) ? RequestMethods.CompletionComplete
        : null;

    private static string[] CopiedKeys(string method) => method switch
    {
        RequestMethods.ToolsCall or RequestMethods.PromptsGet => ["arguments"],
        RequestMethods.CompletionComplete => ["argument", "context"],
        _ => [],
    };

    private static string? StringOf(JsonElement parent, ReadOnlySpan<byte> key) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A <c>_meta</c> object whose progress token, if any, is one the SDK accepts.</summary>
    private static bool IsMeta(JsonElement meta) =>
        meta.ValueKind == JsonValueKind.Object && (!meta.TryGetProperty("progressToken"u8, out var token) || IsPlainId(token));

    /// <summary>Ids and progress tokens the SDK accepts: a string or an integer.</summary>
    private static bool IsPlainId(JsonElement value) =>
        value.ValueKind == JsonValueKind.String || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _));

    public void Dispose() => _document.Dispose();
}
