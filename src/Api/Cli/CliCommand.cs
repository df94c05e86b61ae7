using AskVideo.Infrastructure.Persistence;

namespace AskVideo.Api.Cli;

/// <summary>Administrative commands run with the API binary: <c>AskVideo.Api migrate</c> and friends.</summary>
public static class CliCommand
{
    private static readonly string[] Commands = ["migrate", "create-admin", "reindex", "openapi"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateAsync(app.Services, cts.Token),
                "openapi" => await OpenApiCommand.WriteAsync(app, args, cts.Token),
                _ => Fail($"The {args[0]} command is not available yet."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
