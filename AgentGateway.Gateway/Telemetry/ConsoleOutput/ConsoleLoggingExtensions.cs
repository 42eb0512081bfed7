using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AgentGateway.Telemetry.ConsoleOutput;

/// <summary>Puts <see cref="BatchedConsoleLoggerProvider"/> in the framework console logger's place.</summary>
internal static class ConsoleLoggingExtensions
{
    public static ILoggingBuilder UseBatchedConsole(this ILoggingBuilder logging)
    {
        // AddConsole registers the formatters and binds ConsoleLoggerOptions from Logging:Console; only its provider is replaced.
        logging.AddConsole();
        foreach (var framework in logging.Services.Where(static d => d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            logging.Services.Remove(framework);
        }

        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchedConsoleLoggerProvider>());
        return logging;
    }
}
