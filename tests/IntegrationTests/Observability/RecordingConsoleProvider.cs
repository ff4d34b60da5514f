using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace NakamuraMisaki.IntegrationTests.Observability;

/// <summary>
/// Writes what the host's console logger would write (same formatter, same options, same scopes) into memory, so a
/// test can read the lines. The logger factory hands it its real scope provider, which adds TraceId/SpanId.
/// </summary>
internal sealed class RecordingConsoleProvider(ConsoleFormatter consoleFormatter) : ILoggerProvider, ISupportExternalScope
{
    private readonly List<(string Category, string Text)> _lines = [];
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<(string Category, string Text)> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    private void Format<TState>(in LogEntry<TState> entry, TextWriter writer) => consoleFormatter.Write(entry, _scopes, writer);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingConsoleProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            provider.Format(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), writer);
            lock (provider._lines)
            {
                provider._lines.Add((category, writer.ToString()));
            }
        }
    }
}
