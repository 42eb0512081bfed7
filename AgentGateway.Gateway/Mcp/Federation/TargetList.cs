namespace AgentGateway.Mcp.Federation;

/// <summary>
/// One target's complete list as the federation serves it, built once per refresh of the target's cached list: every
/// upstream page fetched, each item renamed to its exposed name, and what each item is (<see cref="ListedItem"/>, in
/// the same order) for name ownership and the authorization filter. Shared by every request: never modified after.
/// </summary>
internal sealed record TargetList<TItem>(TItem[] Items, ListedItem[] Listed)
{
    public static readonly TargetList<TItem> Empty = new([], []);
}
