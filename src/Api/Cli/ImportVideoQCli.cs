using System.Globalization;
using AskVideo.Application.Admin.Import;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Infrastructure.Identity;
using AskVideo.Infrastructure.Persistence;
using MediatR;

namespace AskVideo.Api.Cli;

/// <summary>
/// <c>import-videoq --database &lt;url&gt; --media &lt;folder&gt; [--source videoq] [--dry-run]</c>: brings a VideoQ
/// installation's users, videos, groups and chat histories over (see <see cref="ImportVideoQCommand"/>), then prints
/// what it did. The database may also come from VIDEOQ_DATABASE_URL, which keeps its password out of the process list.
/// </summary>
internal static class ImportVideoQCli
{
    public const string Usage =
        "Usage: import-videoq --database <postgres://user:password@host:port/db | Npgsql connection string> --media <VideoQ's media folder> " +
        "[--source <label, default videoq>] [--dry-run]   (or VIDEOQ_DATABASE_URL instead of --database)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        string? Arg(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        var database = Arg("database") ?? Environment.GetEnvironmentVariable("VIDEOQ_DATABASE_URL");
        var media = Arg("media");
        if (string.IsNullOrWhiteSpace(database) || string.IsNullOrWhiteSpace(media)) return CliCommand.Fail(Usage);
        var command = new ImportVideoQCommand(database, media, Arg("source") ?? "videoq", args.Contains("--dry-run"));

        // The mapping table is part of the schema: an import right after an upgrade needs no separate migrate.
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().SetSystem();
        ImportVideoQResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
        }
        catch (ValidationFailedException ex)
        {
            return CliCommand.Fail("import-videoq: " + string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
        }
        Console.Write(Summary(result));
        return 0;
    }

    public static string Summary(ImportVideoQResult result)
    {
        var text = new System.Text.StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Row(string what, ImportTally t) =>
            string.Create(CultureInfo.InvariantCulture, $"  {what,-14}{t.Imported,10}{t.AlreadyImported,18}{t.Skipped,10}");

        Line(result.DryRun
            ? $"VideoQ import from \"{result.Source}\", DRY RUN: nothing was written; a real run would do this."
            : $"VideoQ import from \"{result.Source}\" finished.");
        Line(string.Create(CultureInfo.InvariantCulture, $"  {"",-14}{"imported",10}{"already imported",18}{"skipped",10}"));
        Line(Row("users", result.Users));
        Line(Row("videos", result.Videos));
        Line(Row("groups", result.Groups));
        Line(Row("group videos", result.GroupVideos));
        Line(Row("chat logs", result.ChatLogs));
        Line($"Users: {result.UsersKeepingPassword} sign in with their VideoQ password; {result.UsersNeedingPasswordReset} must set a new one " +
             $"(\"Forgot password\"); {result.UsersLinkedByEmail} joined an existing AskVideo account with the same email.");
        Line($"Videos: {result.VideosQueued} queued for processing, {result.VideosWithTranscript} of them with VideoQ's transcript as subtitles " +
             "(no new speech recognition).");
        if (result.Notes.Count > 0)
        {
            Line($"Notes ({result.Notes.Count}):");
            foreach (var note in result.Notes) Line("  - " + note);
        }
        Line(result.DryRun ? "Run it again without --dry-run to import." : "Running it again imports only what is new.");
        return text.ToString();
    }
}
