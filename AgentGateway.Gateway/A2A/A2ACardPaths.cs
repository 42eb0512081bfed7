using AgentGateway.A2A.Protocol;

namespace AgentGateway.A2A;

/// <summary>
/// The one test for "this request reads the agent's public card", shared by the anonymous exemption in
/// authentication and by the card handler: if they disagreed, a spelling one accepts and the other rejects would
/// reach the agent raw and unauthenticated (its card, with its internal address). Case and empty segments are ignored.
/// </summary>
internal static class A2ACardPaths
{
    /// <summary>The card file asked for (<see cref="A2AHeaders.CardPath"/> or <see cref="A2AHeaders.LegacyCardPath"/>), or null.</summary>
    public static string? Requested(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        var path = request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not [var folder, var file] || !folder.Equals(".well-known", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return file.Equals("agent-card.json", StringComparison.OrdinalIgnoreCase) ? A2AHeaders.CardPath
            : file.Equals("agent.json", StringComparison.OrdinalIgnoreCase) ? A2AHeaders.LegacyCardPath
            : null;
    }
}
