namespace AgentGateway.Admin.Api;

/// <summary>
/// The last <see cref="Capacity"/> authorization decisions, newest first, for the UI's "why" simulator. Names only:
/// no request bodies, tool arguments or claims beyond the principal's groups.
/// </summary>
internal sealed class DecisionLog
{
    public const int Capacity = 200;

    private readonly LinkedList<DecisionRecord> _records = new();
    private readonly Lock _lock = new();
    private long _nextId;

    public void Add(DecisionRecord record)
    {
        lock (_lock)
        {
            _records.AddFirst(record with { Id = ++_nextId });
            if (_records.Count > Capacity)
            {
                _records.RemoveLast();
            }
        }
    }

    public IReadOnlyList<DecisionRecord> Recent()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }
}

/// <summary>One recorded decision: what was asked, by whom, on which route, and what decided it.</summary>
internal sealed record DecisionRecord(
    long Id,
    DateTimeOffset Time,
    string Route,
    IReadOnlyList<string> RoutePolicies,
    string PrincipalType,
    string PrincipalId,
    IReadOnlyList<string> Groups,
    string Action,
    string ResourceType,
    string ResourceId,
    IReadOnlyDictionary<string, string> ResourceAttributes,
    string Decision,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Errors);
