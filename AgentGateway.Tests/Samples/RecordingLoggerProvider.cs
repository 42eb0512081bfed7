using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Samples;

/// <summary>Captures formatted log messages so a test can wait for a server-side event.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentBag<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    /// <summary>Completes when a message matching <paramref name="match"/> has been logged.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((match, done));
        foreach (var message in _messages)
        {
            if (match(message))
            {
                done.TrySetResult(message);
            }
        }

        return done.Task;
    }

    public void Dispose()
    {
    }

    private void Record(string message)
    {
        _messages.Enqueue(message);
        foreach (var (match, done) in _waiters)
        {
            if (match(message))
            {
                done.TrySetResult(message);
            }
        }
    }

    private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Record(formatter(state, exception));
    }
}
