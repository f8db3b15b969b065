using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MicroneedlingPlanner.Testing;

/// <summary>Keeps every message the app logs, formatted, so tests can check what the log would hold.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> entries = new();

    public IReadOnlyList<(string Category, string Message)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.entries.Enqueue((category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
