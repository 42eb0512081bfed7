using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// The caller's own credential (bearer token or x-api-key value), only sent upstream to providers configured with
/// <c>passthrough: true</c>. It travels explicitly: read once per request onto the call, then baked into a
/// per-caller copy of the provider (<see cref="LlmProvider.ForCaller"/>) whose <see cref="ProviderHttpHandler"/>
/// sets it, because the SDK clients build their HTTP requests themselves.
/// </summary>
internal sealed record ClientCredential(string Secret)
{
    public static ClientCredential? From(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientCredential(auth["Bearer ".Length..].Trim());
        }

        var key = request.Headers["x-api-key"].ToString();
        return key.Length > 0 ? new ClientCredential(key) : null;
    }

    // A record prints its members; a secret must never reach a log or an exception message.
    public override string ToString() => nameof(ClientCredential);
}
