namespace AgentGateway.Cedar.Evaluation;

/// <summary>
/// A parsed expression node. Policies are parsed once into this tree and evaluated by virtual calls,
/// which keeps a decision allocation-light. Errors are thrown as <see cref="CedarEvaluationException"/>.
/// </summary>
internal abstract class Expr
{
    public abstract CedarValue Eval(EvalEnv env);
}
