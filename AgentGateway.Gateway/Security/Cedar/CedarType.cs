namespace AgentGateway.Security.Cedar;

/// <summary>The runtime type of a <see cref="CedarValue"/>; extension types have their own members.</summary>
internal enum CedarType
{
    Bool,
    Long,
    String,
    Entity,
    Set,
    Record,
    IpAddr,
    Decimal,
    Datetime,
    Duration,
}
