namespace AgentGateway.Cedar;

/// <summary>The runtime type of a <see cref="CedarValue"/>; extension types have their own members.</summary>
// The members are named after Cedar's types (Long, String, Decimal), which is what a reader of policies expects.
#pragma warning disable CA1720
public enum CedarType
{
    /// <summary>A boolean (<see cref="CedarBool"/>).</summary>
    Bool,

    /// <summary>A 64-bit integer (<see cref="CedarLong"/>).</summary>
    Long,

    /// <summary>A string (<see cref="CedarString"/>).</summary>
    String,

    /// <summary>An entity reference (<see cref="EntityUid"/>).</summary>
    Entity,

    /// <summary>A set (<see cref="CedarSet"/>).</summary>
    Set,

    /// <summary>A record (<see cref="CedarRecord"/>).</summary>
    Record,

    /// <summary>The <c>ipaddr</c> extension type.</summary>
    IpAddr,

    /// <summary>The <c>decimal</c> extension type (<see cref="CedarDecimal"/>).</summary>
    Decimal,

    /// <summary>The <c>datetime</c> extension type.</summary>
    Datetime,

    /// <summary>The <c>duration</c> extension type.</summary>
    Duration,
}
#pragma warning restore CA1720
