namespace AgentGateway.Configuration;

/// <summary>The config file is not valid YAML/JSON; the message carries line and column.</summary>
internal sealed class ConfigFileFormatException(string message) : Exception(message);
