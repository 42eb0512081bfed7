namespace AgentGateway.Cedar.Validation;

/// <summary>Facts proven by <c>has</c>/<c>hasTag</c> guards: keys are "expression-key.attribute".</summary>
internal sealed class Capabilities
{
    public static readonly Capabilities Empty = new([]);

    private readonly HashSet<string> _facts;

    private Capabilities(HashSet<string> facts) => _facts = facts;

    public static Capabilities Of(string fact) => new([fact]);

    public bool Contains(string fact) => _facts.Contains(fact);

    public Capabilities Union(Capabilities other) =>
        other._facts.Count == 0 ? this : _facts.Count == 0 ? other : new Capabilities([.. _facts, .. other._facts]);

    public Capabilities Intersect(Capabilities other) =>
        new([.. _facts.Where(other._facts.Contains)]);
}
