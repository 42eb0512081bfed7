using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>Source-generated log messages of virtual-model routing.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Virtual model '{VirtualModel}' ejected provider '{Provider}' for {CoolDown} after {Failures} consecutive failures")]
    public static partial void TargetEjected(ILogger logger, string virtualModel, string provider, TimeSpan coolDown, int failures);
}
