using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>
/// Source-generated log messages of virtual-model routing. Ids start at 20: the Llm folder's own <c>Log</c> shares the
/// range below (LoggerEventIdTests keeps a folder's shared ids apart from its subfolders').
/// </summary>
internal static partial class Log
{
    [LoggerMessage(20, LogLevel.Warning, "Virtual model '{VirtualModel}' ejected provider '{Provider}' for {CoolDown} after {Failures} consecutive failures")]
    public static partial void TargetEjected(ILogger logger, string virtualModel, string provider, TimeSpan coolDown, int failures);
}
