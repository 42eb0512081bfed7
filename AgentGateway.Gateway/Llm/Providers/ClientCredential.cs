namespace AgentGateway.Llm.Providers;

/// <summary>
/// The caller's own credential (bearer token or x-api-key value), only used for providers configured with
/// <c>passthrough: true</c>. Flows to <see cref="ProviderHttpHandler"/> through an AsyncLocal because the SDK
/// clients build their HTTP requests themselves.
/// </summary>
internal static class ClientCredential
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Value
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    public static string? From(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return auth["Bearer ".Length..].Trim();
        }

        var key = request.Headers["x-api-key"].ToString();
        return key.Length > 0 ? key : null;
    }
}
