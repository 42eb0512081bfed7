namespace AgentGateway.Cedar.Validation;

/// <summary>Booleans carry singleton knowledge (<c>true</c>/<c>false</c>) so short-circuiting can skip dead code, as Cedar's typechecker does.</summary>
internal sealed record VBool(BoolKind Kind) : VType
{
    public static readonly VBool Any = new(BoolKind.Any);
    public static readonly VBool True = new(BoolKind.True);
    public static readonly VBool False = new(BoolKind.False);

    public static VBool Of(bool value) => value ? True : False;
}
