using System.Text.Json;
using AskVideo.Infrastructure.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AskVideo.Infrastructure.UnitTests.Logging;

/// <summary>
/// The hosts' console logging (<see cref="LoggingSetup.AddAskVideoLogging"/>) through the real JSON console formatter:
/// exceptions as type and message chains, never their frames, in the Exception field, the message and the state.
/// </summary>
public sealed class RedactingLoggerProviderTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly FormattedLines _lines;
    private readonly ILogger _logger;

    public RedactingLoggerProviderTests()
    {
        _services = Logging(new Dictionary<string, string?>());
        var json = _services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        _lines = new FormattedLines(json);
        var provider = new RedactingLoggerProvider(_lines);
        provider.SetScopeProvider(_lines.Scopes);
        _logger = provider.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware");
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void AnException_ShouldBeWrittenAsItsTypesAndMessages_WithTheScopesTraceId()
    {
        var exception = Thrown();

        using (_lines.Scopes.Push(new LogScope(("TraceId", "0123456789abcdef0123456789abcdef"))))
            _logger.LogError(exception, "An unhandled exception has occurred while executing the request.");

        var line = _lines.Single();
        Assert.DoesNotContain("   at ", line.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: Could not read Password=*** ---> System.IO.IOException: inner failure",
            line.GetProperty("Exception").GetString());
        Assert.Equal("An unhandled exception has occurred while executing the request.", line.GetProperty("Message").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef", line.GetProperty("Scopes")[0].GetProperty("TraceId").GetString());
    }

    [Fact]
    public void AnExceptionAmongTheValues_ShouldBeDescribed_InTheMessageAndTheState()
    {
        var exception = Thrown();

        // As EF Core's "An exception occurred while iterating over the results of a query" does.
        _logger.LogError("Query failed for {Context}.{NewLine}{Exception}", "AppDbContext", Environment.NewLine, exception);

        var line = _lines.Single();
        Assert.DoesNotContain("   at ", line.GetRawText(), StringComparison.Ordinal);
        var description = "System.InvalidOperationException: Could not read Password=*** ---> System.IO.IOException: inner failure";
        Assert.Equal($"Query failed for AppDbContext.{Environment.NewLine}{description}", line.GetProperty("Message").GetString());
        Assert.Equal(description, line.GetProperty("State").GetProperty("Exception").GetString());
        Assert.False(line.TryGetProperty("Exception", out _));
    }

    [Fact]
    public void SecretsInValues_ShouldBeHidden_AndOtherValuesKeptAsTheyAre()
    {
        _logger.LogWarning("{Dependency} is unavailable ({Error}) after {Attempts} attempts", "PostgreSQL", "Host=db;Password=s3cret", 3);

        var line = _lines.Single();
        Assert.Equal("PostgreSQL is unavailable (Host=db;Password=***) after 3 attempts", line.GetProperty("Message").GetString());
        var state = line.GetProperty("State");
        Assert.Equal("Host=db;Password=***", state.GetProperty("Error").GetString());
        Assert.Equal(3, state.GetProperty("Attempts").GetInt32());
        Assert.Equal("{Dependency} is unavailable ({Error}) after {Attempts} attempts", state.GetProperty("{OriginalFormat}").GetString());
    }

    [Fact]
    public void SecretsInScopes_ShouldBeHidden()
    {
        // ASP.NET Core's request scope: the path of a share link holds its token.
        using (_lines.Scopes.Push(new LogScope(("RequestPath", "/api/v1/shared/9CgoplWbBh3GBR6xKE42zaSxf9COLRw50-V-EDOz8U0"), ("RequestId", "0HN:1"))))
        using (_lines.Scopes.Push("Password=s3cret"))
            _logger.LogInformation("Request starting");

        var scopes = _lines.Single().GetProperty("Scopes");
        Assert.Equal("RequestPath:/api/v1/shared/*** RequestId:0HN:1", scopes[0].GetProperty("Message").GetString());
        Assert.Equal("/api/v1/shared/***", scopes[0].GetProperty("RequestPath").GetString());
        Assert.Equal("0HN:1", scopes[0].GetProperty("RequestId").GetString());
        Assert.Equal("Password=***", scopes[1].GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("simple")]
    public void AddAskVideoLogging_ShouldWrapTheConsoleProvider_WhoseConsoleFiltersStillApply(string? format)
    {
        using var services = Logging(new Dictionary<string, string?>
        {
            ["Logging:Format"] = format,
            ["Logging:Console:LogLevel:Default"] = "Error",
        });

        var provider = Assert.Single(services.GetServices<ILoggerProvider>());
        Assert.IsType<RedactingLoggerProvider>(provider);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AskVideo.Test");
        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    private static ServiceProvider Logging(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddAskVideoLogging(configuration)).BuildServiceProvider();
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            try
            {
                throw new IOException("inner failure");
            }
            catch (IOException io)
            {
                throw new InvalidOperationException("Could not read Password=hunter2", io);
            }
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    /// <summary>The console provider's part: each entry written by a real console formatter, one line each.</summary>
    private sealed class FormattedLines(ConsoleFormatter formatter) : ILoggerProvider, ISupportExternalScope
    {
        private readonly StringWriter _output = new();
        private IExternalScopeProvider? _formatterScopes;

        /// <summary>The scopes as the logger factory keeps them (the provider under test hands the formatter its own view).</summary>
        public LoggerExternalScopeProvider Scopes { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _formatterScopes = scopeProvider;

        public JsonElement Single()
        {
            var line = Assert.Single(_output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            return JsonDocument.Parse(line).RootElement.Clone();
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() => _output.Dispose();

        private void Write<TState>(in LogEntry<TState> entry) => formatter.Write(entry, _formatterScopes, _output);

        private sealed class Logger(FormattedLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.Scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
