using AskVideo.Application.Admin.Users;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Infrastructure.Identity;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Persistence.Search;
using MediatR;

namespace AskVideo.Api.Cli;

/// <summary>Administrative commands run with the API binary: <c>AskVideo.Api migrate</c> and friends.</summary>
public static class CliCommand
{
    private static readonly string[] Commands = ["migrate", "create-admin", "reindex", "openapi", "import-videoq"];

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
                "create-admin" => await CreateAdminAsync(app.Services, args, cts.Token),
                "reindex" => await ReindexAsync(app.Services, cts.Token),
                "import-videoq" => await ImportVideoQCli.RunAsync(app.Services, args, cts.Token),
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
        var secrets = await services.GetRequiredService<SecretCiphertextUpgrader>().UpgradeAsync(cancellationToken);
        if (secrets > 0) Console.WriteLine($"Re-encrypted {secrets} secret(s) bound to their rows.");
        var index = services.GetRequiredService<EmbeddingIndex>();
        var status = await index.CheckAsync(cancellationToken);
        if (status.State == EmbeddingIndexState.Mismatch)
        {
            await Console.Error.WriteLineAsync(status.Message);
            return 3;
        }
        await index.EnsureReadyAsync(cancellationToken);
        Console.WriteLine($"Scene index ready for {services.GetRequiredService<IEmbedder>().ModelId}.");
        return 0;
    }

    /// <summary>
    /// Re-embeds every scene with the configured embedding model (after AI:EmbeddingProvider or its model changed).
    /// Batches commit one by one, so an interrupted run is resumed by running it again.
    /// </summary>
    private static async Task<int> ReindexAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var embedder = services.GetRequiredService<IEmbedder>();
        Console.WriteLine($"Re-indexing scenes with {embedder.ModelId} ({embedder.Dimensions} dimensions)…");
        var lastPercent = -1;
        await services.GetRequiredService<EmbeddingIndex>().ReindexAsync(null, (done, total) =>
        {
            var percent = total == 0 ? 100 : (int)(done * 100 / total);
            if (percent == lastPercent) return;
            lastPercent = percent;
            Console.WriteLine($"  {done}/{total} scenes ({percent} %)");
        }, cancellationToken);
        Console.WriteLine("Re-index complete: every scene has a vector from the configured model.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        string? Arg(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        var (email, username, password) = (Arg("email"), Arg("username"), Arg("password") ?? Environment.GetEnvironmentVariable("ASKVIDEO_ADMIN_PASSWORD"));
        if (email is null || username is null || password is null)
            return Fail("Usage: create-admin --email <email> --username <name> --password <password>  (or ASKVIDEO_ADMIN_PASSWORD)");

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().SetSystem();
        try
        {
            var id = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateAdminCommand(email, username, password), cancellationToken);
            Console.WriteLine($"Administrator {username} <{email}> is ready (id {id}).");
            return 0;
        }
        catch (ValidationFailedException ex)
        {
            return Fail("create-admin: " + string.Join(" ", ex.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        }
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
