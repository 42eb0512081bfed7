using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>
/// Compiles one part of the <see cref="GatewayRuntime"/> from an accepted config (a feature folder registers one, so
/// Routing knows no kind). Given the previous config and part, it carries over what did not change.
/// </summary>
internal interface IRuntimeCompiler
{
    /// <summary>The type of the part, the key <see cref="GatewayRuntime.Part{T}"/> finds it by.</summary>
    Type PartType { get; }

    /// <summary>Builds the part for <paramref name="config"/>; <paramref name="previous"/> is null on the first build.</summary>
    object Compile(GatewayConfig config, GatewayRuntime? previous);
}

/// <summary>The typed base of a runtime compiler.</summary>
internal abstract class RuntimeCompiler<TPart> : IRuntimeCompiler
    where TPart : class
{
    public Type PartType => typeof(TPart);

    public object Compile(GatewayConfig config, GatewayRuntime? previous) =>
        Compile(config, previous?.Config, previous?.Part<TPart>());

    /// <summary>Builds the part; <paramref name="previousConfig"/> and <paramref name="previousPart"/> are null the first time.</summary>
    protected abstract TPart Compile(GatewayConfig config, GatewayConfig? previousConfig, TPart? previousPart);
}
