namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// Takes a target out of rotation after <see cref="ConsecutiveFailures"/> failures in a row (connection errors,
/// timeouts, 408, 429, 5xx) for <see cref="CoolDown"/>; it is tried first again only after that.
/// </summary>
public sealed record OutlierEjectionConfig
{
    public const int DefaultConsecutiveFailures = 5;

    public static readonly TimeSpan DefaultCoolDown = TimeSpan.FromSeconds(30);

    /// <summary>Failures in a row that eject a target; 0 turns ejection off.</summary>
    public int ConsecutiveFailures { get; init; } = DefaultConsecutiveFailures;

    /// <summary>How long an ejected target stays out (a duration such as <c>30s</c>).</summary>
    public string CoolDown { get; init; } = "30s";
}
