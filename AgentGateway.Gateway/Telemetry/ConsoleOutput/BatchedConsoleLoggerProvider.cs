using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AgentGateway.Telemetry.ConsoleOutput;

/// <summary>
/// The gateway's console logger: the framework's formatters and options (<c>Logging:Console:FormatterName</c>,
/// <c>FormatterOptions</c>, <c>LogToStandardErrorThreshold</c>, and the <c>Logging:Console:LogLevel</c> filters through
/// the same "Console" alias), with the output written in batches by <see cref="ConsoleBatchWriter"/> instead of a
/// hand-off per message.
/// </summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly IReadOnlyList<ConsoleFormatter> _formatters;
    private readonly IDisposable? _reload;
    private readonly ConsoleBatchWriter _stdout;
    private readonly ConsoleBatchWriter _stderr;
    private LogLevel _stderrThreshold;

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(options, formatters, Console.OpenStandardOutput(), Console.OpenStandardError())
    {
    }

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, Stream stdout, Stream stderr)
    {
        _options = options;
        _formatters = [.. formatters];
        _stdout = new ConsoleBatchWriter(stdout);
        _stderr = new ConsoleBatchWriter(stderr);
        Apply(options.CurrentValue);
        _reload = options.OnChange(Apply);
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
    }

    public IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    public ConsoleFormatter Formatter { get; private set; } = null!;

    public ConsoleBatchWriter OutputFor(LogLevel level) => level >= _stderrThreshold ? _stderr : _stdout;

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
        _reload?.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    // What the framework's console logger does with the same options: the named formatter, else "simple".
    private void Apply(ConsoleLoggerOptions options)
    {
        var name = options.FormatterName ?? ConsoleFormatterNames.Simple;
        Formatter = _formatters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? _formatters.First(f => f.Name == ConsoleFormatterNames.Simple);
        _stderrThreshold = options.LogToStandardErrorThreshold;
    }

    // A process that exits without disposing its host (Environment.Exit, an unhandled exception) still writes its last lines.
    private void OnExit(object? sender, EventArgs e)
    {
        _stdout.Flush();
        _stderr.Flush();
    }
}
