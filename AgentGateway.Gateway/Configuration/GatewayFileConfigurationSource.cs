using Microsoft.Extensions.Configuration;

namespace AgentGateway.Configuration;

/// <summary>The gateway's YAML or JSON config file, loaded under the <c>Gateway</c> section and watched for edits.</summary>
internal sealed class GatewayFileConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new GatewayFileConfigurationProvider(this);
    }
}
