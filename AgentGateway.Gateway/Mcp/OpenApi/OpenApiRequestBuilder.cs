using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;

namespace AgentGateway.Mcp.OpenApi;

/// <summary>Builds the HTTP request of one OpenAPI operation from tool arguments.</summary>
internal static class OpenApiRequestBuilder
{
    public static HttpRequestMessage Build(OpenApiOperationTool tool, OpenApiToolSet toolSet, IDictionary<string, JsonElement> arguments)
    {
        var path = new StringBuilder(tool.Path);
        var query = new StringBuilder();
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var parameter in tool.Parameters)
        {
            if (!arguments.TryGetValue(parameter.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                if (parameter.Required)
                {
                    throw new McpProtocolException($"Missing required argument '{parameter.Name}'", McpErrorCode.InvalidParams);
                }

                continue;
            }

            var text = ToText(value);
            switch (parameter.Place)
            {
                case OpenApiParameterPlace.Path:
                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text));
                    break;
                case OpenApiParameterPlace.Header:
                    headers.Add(new(parameter.Name, text));
                    break;
                default:
                    AppendQuery(query, parameter.Name, value);
                    break;
            }
        }

        var baseText = toolSet.BaseUrl.ToString().TrimEnd('/');
        var request = new HttpRequestMessage(tool.Method, new Uri(baseText + path + query));
        foreach (var (name, value) in toolSet.Headers.Concat(headers))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (tool.HasBody && arguments.TryGetValue(OpenApiOperationTool.BodyArgument, out var body))
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static void AppendQuery(StringBuilder query, string name, JsonElement value)
    {
        // Arrays use the OpenAPI default (style form, explode true): name=a&name=b.
        IEnumerable<JsonElement> values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        foreach (var item in values)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(ToText(item)));
        }
    }

    private static string ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
