using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Llm.Providers;
using AgentGateway.Security;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// The key of a cached answer: SHA-256 over the route, backend, client API, the caller's partition, the request
/// headers that change what a provider answers, and the canonical request body. A caller only ever finds answers
/// stored under their own partition.
/// </summary>
internal static class CacheKey
{
    // Forwarded to native providers (PassthroughForwarder), so they may change the answer.
    private static readonly string[] AnswerHeaders = ["anthropic-version", "anthropic-beta", "openai-beta"];

    /// <summary>
    /// Who the answer belongs to: the authenticated principal (kind, issuer and id, as MCP session owners are keyed),
    /// else — on a route without authentication — the hash of the credential the client sent (a provider with
    /// <c>passthrough: true</c> answers on it); null for an anonymous caller without one: nothing tells such
    /// callers apart, so they are never served from the cache.
    /// </summary>
    public static string? Partition(HttpContext http)
    {
        if (GatewayClaims.SessionOwner(http.User) is { Length: > 0 } owner)
        {
            return "principal:" + owner;
        }

        return ClientCredential.From(http.Request) is { } credential
            ? "credential:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential.Secret)))
            : null;
    }

    public static string Compute(string route, string backend, string operation, string partition, IHeaderDictionary headers, JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            // A JSON array: the parts cannot run into each other whatever characters they hold.
            w.WriteStartArray();
            w.WriteStringValue("v1");
            w.WriteStringValue(route);
            w.WriteStringValue(backend);
            w.WriteStringValue(operation);
            w.WriteStringValue(partition);
            foreach (var name in AnswerHeaders)
            {
                w.WriteStringValue(headers[name].ToString());
            }

            CanonicalJson.Write(w, body);
            w.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
