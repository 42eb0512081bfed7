using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentGateway.Telemetry.ConsoleOutput;

/// <summary>One category's logger: the configured console formatter writes the message, the provider's batch writer outputs it.</summary>
internal sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
{
    // Formatting happens on the logging thread, into a buffer of its own.
    [ThreadStatic]
    private static StringWriter? t_buffer;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var buffer = t_buffer ??= new StringWriter();
        provider.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.Scopes, buffer);
        var text = buffer.GetStringBuilder();
        if (text.Length == 0)
        {
            return;
        }

        provider.OutputFor(logLevel).Append(text);
        text.Clear();
        if (text.Capacity > 16 * 1024)
        {
            // One huge message (an exception with a deep stack) must not pin its buffer on this thread for good.
            t_buffer = null;
        }
    }
}
