using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Tests.Telemetry;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every entry: level, event, formatted text and each structured value.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Event, string Text, string[] Values)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}").ToArray() : [];
        Entries.Enqueue((logLevel, eventId.Name ?? "", formatter(state, exception) + exception, values));
    }
}
