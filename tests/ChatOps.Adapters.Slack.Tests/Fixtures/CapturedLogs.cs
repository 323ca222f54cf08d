using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>One log line as the adapter wrote it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message);

/// <summary>A logger provider that keeps every line, so a test can assert what an operator would read.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception)));
    }
}
