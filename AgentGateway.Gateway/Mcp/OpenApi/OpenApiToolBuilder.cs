using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AgentGateway.Mcp.OpenApi;

/// <summary>Turns an OpenAPI (3.x, JSON) document into one tool per operation.</summary>
internal static class OpenApiToolBuilder
{
    public static OpenApiToolSet Build(string documentText, string? baseUrlOverride, IReadOnlyDictionary<string, string> headers, Uri? documentUri)
    {
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(documentText, "json", settings);
        if (result.Document is not { } document)
        {
            var errors = result.Diagnostic?.Errors.Select(static e => e.Message) ?? [];
            throw new InvalidDataException("Invalid OpenAPI document: " + string.Join("; ", errors));
        }

        var baseUrl = baseUrlOverride is { } configured
            ? ResolveBaseUrl(configured, null)
            : ResolveDocumentServer(document.Servers?.FirstOrDefault()?.Url, documentUri);
        var tools = new List<OpenApiOperationTool>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, pathItem) in document.Paths ?? [])
        {
            foreach (var (method, operation) in pathItem.Operations ?? [])
            {
                var name = UniqueName(operation.OperationId ?? DefaultName(method, path), names);
                var parameters = (pathItem.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Where(static p => p.Name is not null && p.In is ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header)
                    .ToList();
                tools.Add(new OpenApiOperationTool
                {
                    Name = name,
                    Description = operation.Summary ?? operation.Description,
                    Method = method,
                    Path = path,
                    Parameters = [.. parameters.Select(static p => new OpenApiToolParameter(p.Name!, ToPlace(p.In), p.Required || p.In is ParameterLocation.Path))],
                    HasBody = JsonBodySchema(operation) is not null || operation.RequestBody is not null,
                    InputSchema = BuildInputSchema(parameters, operation),
                });
            }
        }

        return new OpenApiToolSet(baseUrl, tools, headers);
    }

    /// <summary>
    /// The document's own server when no <c>baseUrl</c> is configured. A document fetched from a URL is content of
    /// that host: it may name where on its own origin the API lives (relative URLs are the usual case), but not send
    /// the gateway, with its configured headers, to any other host — that takes an explicit <c>baseUrl</c>.
    /// </summary>
    private static Uri ResolveDocumentServer(string? serverUrl, Uri? documentUri)
    {
        var resolved = ResolveBaseUrl(serverUrl, documentUri);
        if (documentUri is not null && !SameOrigin(resolved, documentUri))
        {
            throw new InvalidDataException(
                $"The OpenAPI document fetched from {documentUri.GetLeftPart(UriPartial.Authority)} names a server on another origin "
                + $"({resolved.GetLeftPart(UriPartial.Authority)}); set openapi.baseUrl to call it");
        }

        return resolved;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static Uri ResolveBaseUrl(string? serverUrl, Uri? documentUri)
    {
        // Only http(s) counts as absolute: on Unix "/api/v3" parses as an absolute file:// URI.
        if (serverUrl is { Length: > 0 } && Uri.TryCreate(serverUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        if (documentUri is not null && documentUri.IsAbsoluteUri && documentUri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return new Uri(documentUri, serverUrl ?? "/");
        }

        throw new InvalidDataException("The OpenAPI target needs an absolute baseUrl (the document has no absolute server URL)");
    }

    private static JsonElement BuildInputSchema(IReadOnlyList<IOpenApiParameter> parameters, OpenApiOperation operation)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var parameter in parameters)
        {
            var schema = parameter.Schema is { } s ? ToJson(s) : new JsonObject { ["type"] = "string" };
            if (parameter.Description is { } description && schema is JsonObject obj && !obj.ContainsKey("description"))
            {
                obj["description"] = description;
            }

            properties[parameter.Name!] = schema;
            if (parameter.Required || parameter.In is ParameterLocation.Path)
            {
                required.Add(parameter.Name);
            }
        }

        if (operation.RequestBody is { } body)
        {
            properties[OpenApiOperationTool.BodyArgument] = JsonBodySchema(operation) is { } bodySchema ? ToJson(bodySchema) : new JsonObject();
            if (body.Required)
            {
                required.Add(OpenApiOperationTool.BodyArgument);
            }
        }

        var root = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            root["required"] = required;
        }

        return JsonSerializer.SerializeToElement(root);
    }

    private static IOpenApiSchema? JsonBodySchema(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.FirstOrDefault(static c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;

    /// <summary>Serializes a schema with local references inlined so the tool schema stands alone.</summary>
    private static JsonNode ToJson(IOpenApiSchema schema)
    {
        var text = new StringBuilder();
        using (var textWriter = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            var writer = new OpenApiJsonWriter(textWriter, new OpenApiWriterSettings { InlineLocalReferences = true });
            schema.SerializeAsV31(writer);
        }

        return JsonNode.Parse(text.ToString()) ?? new JsonObject();
    }

    private static OpenApiParameterPlace ToPlace(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => OpenApiParameterPlace.Path,
        ParameterLocation.Header => OpenApiParameterPlace.Header,
        _ => OpenApiParameterPlace.Query,
    };

    private static string DefaultName(HttpMethod method, string path)
    {
        var name = new StringBuilder(method.Method.ToLowerInvariant());
        foreach (var ch in path)
        {
            name.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        return name.ToString().TrimEnd('-');
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}-{i}");
        }

        return candidate;
    }
}
