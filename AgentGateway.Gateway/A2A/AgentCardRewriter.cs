using System.Text.Json.Nodes;

namespace AgentGateway.A2A;

/// <summary>
/// Rewrites an agent card (v0.3, v1.0 or a hybrid of both) so that every interface points at the gateway
/// route. Works on the JSON tree rather than typed records so fields we do not model survive untouched.
/// </summary>
internal static class AgentCardRewriter
{
    /// <param name="card">The agent's card; modified in place and returned.</param>
    /// <param name="agentBaseUrl">The backend URL from config (what the gateway forwards to).</param>
    /// <param name="publicBaseUrl">The route's public URL as the client saw it (scheme, host, path base + prefix).</param>
    /// <param name="gatewaySchemes">The route's authentication; empty when the route is open.</param>
    public static JsonObject Rewrite(JsonObject card, Uri agentBaseUrl, Uri publicBaseUrl,
        IReadOnlyList<GatewayAuthScheme> gatewaySchemes)
    {
        var mapper = new CardUrlMapper(agentBaseUrl, publicBaseUrl);
        var agentOrigins = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Origin(agentBaseUrl) };
        var changed = false;

        // v0.3: top-level url + additionalInterfaces (transport names the binding).
        if (card["url"] is JsonValue url && url.TryGetValue<string>(out var u) && Uri.TryCreate(u, UriKind.Absolute, out var topUri))
        {
            agentOrigins.Add(Origin(topUri));
            card["url"] = mapper.Map(u);
            changed = true;
        }
        changed |= RewriteInterfaces(card["additionalInterfaces"] as JsonArray, "transport", mapper, agentOrigins);

        // v1.0: supportedInterfaces (protocolBinding names the binding; tenant passes through unchanged because
        // the gateway forwards it to the same agent).
        changed |= RewriteInterfaces(card["supportedInterfaces"] as JsonArray, "protocolBinding", mapper, agentOrigins);

        // Informational links served by the agent itself would be unreachable for an outside client.
        changed |= RewriteIfAgentOrigin(card, "documentationUrl", mapper, agentOrigins);
        changed |= RewriteIfAgentOrigin(card, "iconUrl", mapper, agentOrigins);
        if (card["provider"] is JsonObject provider)
        {
            changed |= RewriteIfAgentOrigin(provider, "url", mapper, agentOrigins);
        }

        if (gatewaySchemes.Count > 0)
        {
            CardSecurityWriter.Replace(card, gatewaySchemes);
            changed = true;
        }

        // A signature covers the canonical card; any edit above makes it fail verification, so drop it
        // rather than hand clients a card that looks tampered with.
        if (changed)
        {
            card.Remove("signatures");
        }

        return card;
    }

    private static bool RewriteInterfaces(JsonArray? interfaces, string bindingField, CardUrlMapper mapper,
        HashSet<string> agentOrigins)
    {
        if (interfaces is null)
        {
            return false;
        }

        var changed = false;
        for (var i = interfaces.Count - 1; i >= 0; i--)
        {
            if (interfaces[i] is not JsonObject iface)
            {
                continue;
            }

            var binding = (iface[bindingField] as JsonValue)?.GetValue<string>() ?? "";
            var ifaceUrl = (iface["url"] as JsonValue)?.GetValue<string>();

            // gRPC is HTTP/2 with its own framing; the gateway does not proxy it, so advertising it would send
            // clients around the gateway.
            if (binding.Equals("GRPC", StringComparison.OrdinalIgnoreCase) || ifaceUrl is null)
            {
                interfaces.RemoveAt(i);
                changed = true;
                continue;
            }

            if (Uri.TryCreate(ifaceUrl, UriKind.Absolute, out var parsed))
            {
                agentOrigins.Add(Origin(parsed));
            }

            iface["url"] = mapper.Map(ifaceUrl);
            changed = true;
        }

        return changed;
    }

    private static bool RewriteIfAgentOrigin(JsonObject obj, string field, CardUrlMapper mapper, HashSet<string> agentOrigins)
    {
        if (obj[field] is JsonValue v && v.TryGetValue<string>(out var s)
            && Uri.TryCreate(s, UriKind.Absolute, out var uri) && agentOrigins.Contains(Origin(uri)))
        {
            obj[field] = mapper.Map(s);
            return true;
        }

        return false;
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
