namespace AgentGateway.Configuration;

/// <summary>
/// Checks one part of a bound configuration. Validators report every error they find (never throw at the
/// first), each with the path of the offending key.
/// </summary>
public interface IConfigValidator
{
    /// <summary>Adds an error to <paramref name="context"/> for every problem in <paramref name="config"/>.</summary>
    void Validate(GatewayConfig config, ConfigValidationContext context);
}
