namespace AgentGateway.Configuration;

/// <summary>
/// The key a config property is written with in the file, when the property name does not convert to it
/// (e.g. <c>OpenApi</c> is documented as <c>openapi:</c>). Binding ignores case, but the JSON Schema does not,
/// so the schema must use the documented spelling or editors flag correct files.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
