using System.Collections;
using Microsoft.Extensions.Logging;

namespace AskVideo.Infrastructure.Logging;

/// <summary>
/// Wraps the console provider so that every line the hosts write, theirs and the framework's (ASP.NET Core's
/// diagnostics, hosting, EF Core, Npgsql), goes through <see cref="LogRedaction"/>: the exception becomes its type and
/// message chain without a stack trace, and the message, the state's values and the scopes' (ASP.NET Core's RequestPath
/// scope holds share-link tokens) lose stack frames and secrets. The
/// console formatter (JSON or simple) is unchanged, so the lines keep their shape, scopes, trace and span ids.
/// </summary>
[ProviderAlias("Console")]
internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped) scoped.SetScopeProvider(new RedactingScopes(scopeProvider));
    }

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            var message = LogRedaction.ScrubMessage(formatter(state, exception), values);
            var logged = exception is null ? null : new LoggedException(LogRedaction.Describe(exception));
            if (values is not null && RedactedState.From(values, message) is { } redacted)
                inner.Log(logLevel, eventId, redacted, logged, static (s, _) => s.Message);
            else
                inner.Log(logLevel, eventId, state, logged, (_, _) => message);
        }
    }

    /// <summary>The scopes of a line as the formatter reads them, with their values scrubbed like the state's.</summary>
    private sealed class RedactingScopes(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public IDisposable Push(object? state) => inner.Push(state);

        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope(static (scope, s) => s.Callback(Redact(scope), s.State), (Callback: callback, State: state));

        private static object? Redact(object? scope) => scope switch
        {
            IReadOnlyList<KeyValuePair<string, object?>> values => RedactedState.From(values, message: null) ?? scope,
            string text => LogRedaction.Scrub(text),
            _ => scope,
        };
    }

    /// <summary>The state with its exceptions described and its text scrubbed; the formatters write its values.</summary>
    private sealed class RedactedState(KeyValuePair<string, object?>[] values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Length;

        public KeyValuePair<string, object?> this[int index] => values[index];

        /// <summary>
        /// Null when no value needs a change (the original state is written as it is). Without a <paramref name="message"/>
        /// (a scope's), the copy's text is the original's, scrubbed.
        /// </summary>
        public static RedactedState? From(IReadOnlyList<KeyValuePair<string, object?>> state, string? message)
        {
            KeyValuePair<string, object?>[]? copy = null;
            for (var i = 0; i < state.Count; i++)
            {
                var (key, value) = state[i];
                var clean = key == "{OriginalFormat}" ? value : Redact(value);
                if (ReferenceEquals(clean, value)) continue;
                copy ??= [.. state];
                copy[i] = new KeyValuePair<string, object?>(key, clean);
            }
            return copy is null ? null : new RedactedState(copy, message ?? LogRedaction.Scrub(state.ToString() ?? string.Empty));
        }

        private static object? Redact(object? value) => value switch
        {
            Exception e => LogRedaction.Describe(e),
            string s => LogRedaction.Scrub(s),
            Uri u when u.ToString() is var text && LogRedaction.Scrub(text) is var clean && !ReferenceEquals(clean, text) => clean,
            _ => value,
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }

    /// <summary>An exception as the logs show it: <see cref="LogRedaction.Describe"/>, with no stack trace.</summary>
    private sealed class LoggedException(string description) : Exception(description)
    {
        public override string? StackTrace => null;

        public override string ToString() => Message;
    }
}
