using System.Globalization;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using AskVideo.Application.Videos.Transcripts;
using AskVideo.Domain.Chat;
using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Imports;
using AskVideo.Domain.Users;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Admin.Import;

/// <summary>
/// Brings a VideoQ installation over (CLI: import-videoq): its users, videos (files copied into AskVideo's storage, a
/// SubRip transcript kept as the video's subtitles), groups with their videos in order, and group chat histories; then
/// every imported video is queued for processing. Each row is mapped to what it became (imported_records under
/// <see cref="Source"/>), so a second run imports only what is new. <see cref="DryRun"/> reads everything and
/// writes nothing.
/// </summary>
public sealed record ImportVideoQCommand(string Database, string MediaFolder, string Source = "videoq", bool DryRun = false)
    : ICommand<ImportVideoQResult>, ISystemRequest;

/// <summary>Rows newly imported, found imported by an earlier run, and left out (see the notes).</summary>
public sealed record ImportTally(int Imported, int AlreadyImported, int Skipped);

public sealed record ImportVideoQResult(
    string Source,
    bool DryRun,
    ImportTally Users,
    ImportTally Videos,
    ImportTally Groups,
    ImportTally GroupVideos,
    ImportTally ChatLogs,
    int UsersLinkedByEmail,
    int UsersKeepingPassword,
    int UsersNeedingPasswordReset,
    int VideosWithTranscript,
    int VideosQueued,
    IReadOnlyList<string> Notes);

internal sealed class ImportVideoQValidator : AbstractValidator<ImportVideoQCommand>
{
    public ImportVideoQValidator()
    {
        RuleFor(c => c.Database).NotEmpty().WithMessage("Give the VideoQ database (a postgres:// URL or a connection string).");
        RuleFor(c => c.MediaFolder).NotEmpty().WithMessage("Give VideoQ's media folder (its MEDIA_ROOT).");
        RuleFor(c => c.Source).Matches("^[a-z0-9][a-z0-9_-]{0,39}$")
            .WithMessage("The source label is 1 to 40 lower-case letters, digits, '_' or '-'.");
    }
}

internal sealed class ImportVideoQHandler(
    IAppDbContext db,
    IVideoQSourceFactory sources,
    IVideoStorage storage,
    IJobQueue jobs,
    IPasswordHasher hasher,
    IOptions<AppOptions> app,
    TimeProvider time,
    ILogger<ImportVideoQHandler> logger) : IRequestHandler<ImportVideoQCommand, ImportVideoQResult>
{
    /// <summary>What an imported answer names as its model: VideoQ did not record one.</summary>
    public const string ImportedModel = "videoq";

    private const int ChatLogBatch = 500;

    public async Task<ImportVideoQResult> Handle(ImportVideoQCommand request, CancellationToken cancellationToken)
    {
        await using var source = await sources.OpenAsync(request.Database, request.MediaFolder, cancellationToken);
        var run = new Run(request, await LoadMappingsAsync(request.Source, cancellationToken));

        await ImportUsersAsync(source, run, cancellationToken);
        await ImportVideosAsync(source, run, cancellationToken);
        var groupOwners = await ImportGroupsAsync(source, run, cancellationToken);
        await ImportMembersAsync(source, run, cancellationToken);
        await ImportChatLogsAsync(source, run, groupOwners, cancellationToken);

        return new ImportVideoQResult(request.Source, request.DryRun, run.Users.Tally, run.Videos.Tally, run.Groups.Tally, run.Members.Tally,
            run.ChatLogs.Tally, run.LinkedByEmail, run.KeepingPassword, run.NeedingReset, run.WithTranscript, run.Queued, run.Notes);
    }

    private async Task<Dictionary<(ImportedKind, string), Guid>> LoadMappingsAsync(string source, CancellationToken cancellationToken) =>
        await db.ImportedRecords.AsNoTracking().Where(r => r.Source == source)
            .ToDictionaryAsync(r => (r.Kind, r.SourceId), r => r.TargetId, cancellationToken);

    private async Task ImportUsersAsync(IVideoQSource source, Run run, CancellationToken cancellationToken)
    {
        var users = await source.ReadUsersAsync(cancellationToken);
        // Accounts deleted in AskVideo since an earlier run stay mapped, but cannot own anything new.
        var live = await LiveAsync(run, ImportedKind.User, ids => db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id), cancellationToken);
        var takenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in users)
        {
            if (run.Mapped(ImportedKind.User, row.Id) is { } mapped)
            {
                if (live.Contains(mapped)) run.UserIds[row.Id] = mapped;
                run.Users.Already++;
                continue;
            }
            var email = row.Email.Trim();
            if (email.Length is 0 or > User.MaxEmailLength || !email.Contains('@', StringComparison.Ordinal))
            {
                run.Skip(run.Users, $"user {row.Id} ({row.Username}): no usable email address");
                continue;
            }
            var normalizedEmail = User.NormalizeEmail(email);
            var existing = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalizedEmail).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            Guid target;
            if (existing is { } existingId)
            {
                // The same person (a verified address): their VideoQ content joins the AskVideo account; its password stays.
                target = existingId;
                run.LinkedByEmail++;
            }
            else
            {
                var username = await UniqueUsernameAsync(row, takenNames, cancellationToken);
                if (!string.Equals(username, row.Username, StringComparison.Ordinal))
                    run.Notes.Add($"user {row.Id} ({row.Username}): username is {username} in AskVideo");
                var keepsPassword = hasher.CanVerify(row.PasswordHash);
                if (keepsPassword) run.KeepingPassword++;
                else run.NeedingReset++;
                // Django's PBKDF2 hash is verified as is (and replaced at the first sign-in); any other format gets a
                // random password nobody knows, so the user sets one with "Forgot password".
                var user = User.Register(email, username, keepsPassword ? row.PasswordHash : hasher.Hash(SecretTokens.Create()),
                    app.Value.DefaultVideoLimit, "en", row.DateJoined);
                if (row.IsActive) user.MarkEmailVerified(row.DateJoined);
                else user.SetActive(false, row.DateJoined);
                if (row.IsSuperuser) user.SetAdmin(true, row.DateJoined);
                db.Users.Add(user);
                target = user.Id;
            }
            run.UserIds[row.Id] = target;
            await AddMappingAsync(run, ImportedKind.User, row.Id, target, cancellationToken);
            run.Users.Imported++;
        }
        logger.LogInformation("VideoQ users: {Imported} imported, {Already} already, {Skipped} skipped", run.Users.Imported, run.Users.Already, run.Users.Skipped);
    }

    private async Task<string> UniqueUsernameAsync(VideoQUser row, HashSet<string> taken, CancellationToken cancellationToken)
    {
        var name = VideoQMapping.Username(row.Username, row.Id);
        for (var n = 2; ; n++)
        {
            var normalized = User.NormalizeUsername(name);
            if (!taken.Contains(normalized) && !await db.Users.AnyAsync(u => u.NormalizedUsername == normalized, cancellationToken))
            {
                taken.Add(normalized);
                return name;
            }
            name = VideoQMapping.WithSuffix(VideoQMapping.Username(row.Username, row.Id), n);
        }
    }

    private async Task ImportVideosAsync(IVideoQSource source, Run run, CancellationToken cancellationToken)
    {
        var videos = await source.ReadVideosAsync(cancellationToken);
        var live = await LiveAsync(run, ImportedKind.Video, ids => db.Videos.Where(v => ids.Contains(v.Id)).Select(v => v.Id), cancellationToken);
        foreach (var row in videos)
        {
            var label = $"video {row.Id} \"{row.Title}\"";
            if (run.Mapped(ImportedKind.Video, row.Id) is { } mapped)
            {
                if (live.Contains(mapped)) run.VideoIds[row.Id] = mapped;
                run.Videos.Already++;
                continue;
            }
            if (!run.UserIds.TryGetValue(row.UserId, out var ownerId))
            {
                run.Skip(run.Videos, $"{label}: its owner (user {row.UserId}) was not imported");
                continue;
            }
            if (row.File.Length == 0)
            {
                run.Skip(run.Videos, $"{label}: no file (a YouTube link or an unfinished upload)");
                continue;
            }
            if (row.Status == "uploading")
            {
                run.Skip(run.Videos, $"{label}: its upload never finished in VideoQ");
                continue;
            }
            var transcript = Transcript(row);
            await using var media = await source.OpenMediaAsync(row.File, cancellationToken);
            if (media is null)
            {
                run.Skip(run.Videos, $"{label}: its file {row.File} is not in the media folder");
                continue;
            }
            if (transcript is not null) run.WithTranscript++;
            run.Queued++;
            run.Videos.Imported++;
            if (run.DryRun)
            {
                run.VideoIds[row.Id] = Guid.NewGuid();
                continue;
            }
            run.VideoIds[row.Id] = await AddVideoAsync(run, row, ownerId, media, transcript, cancellationToken);
        }
        logger.LogInformation("VideoQ videos: {Imported} imported, {Already} already, {Skipped} skipped", run.Videos.Imported, run.Videos.Already, run.Videos.Skipped);
    }

    /// <summary>The video's SubRip transcript in AskVideo's own form, or null when it has none (or an unreadable one).</summary>
    private static string? Transcript(VideoQVideo row)
    {
        if (string.IsNullOrWhiteSpace(row.Transcript)) return null;
        try
        {
            return Subtitles.ToSrt(Subtitles.Parse(row.Transcript));
        }
        catch (SubtitleFormatException)
        {
            return null;
        }
    }

    /// <summary>Copies the files, then commits the video, its processing job and its mapping together.</summary>
    private async Task<Guid> AddVideoAsync(Run run, VideoQVideo row, Guid ownerId, VideoQMedia media, string? transcript, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var videoId = Ids.New();
        var extension = MediaTypes.SafeExtension(row.File);
        var key = StorageKeys.Original(ownerId, videoId, extension);
        var contentType = MediaTypes.ContentTypeFor(extension, hasVideo: true);
        try
        {
            var size = await storage.SaveAsync(key, media.Content, "application/octet-stream", null, cancellationToken);
            var fileName = Path.GetFileName(row.File);
            var title = string.IsNullOrWhiteSpace(row.Title) ? Path.GetFileNameWithoutExtension(fileName) : row.Title;
            var video = Video.Create(videoId, ownerId, string.IsNullOrWhiteSpace(title) ? "Untitled video" : title, row.Description, fileName, contentType,
                size, key, null, row.UploadedAt);
            if (transcript is not null)
            {
                var subtitlesKey = StorageKeys.Subtitles(ownerId, videoId, ".srt");
                await using var text = new MemoryStream(Encoding.UTF8.GetBytes(transcript));
                await storage.SaveAsync(subtitlesKey, text, "text/plain", null, cancellationToken);
                video.AttachSubtitles(subtitlesKey, now);
            }
            video.Enqueue(now);
            db.Videos.Add(video);
            jobs.Enqueue(new ProcessVideoJob(videoId));
            await AddMappingAsync(run, ImportedKind.Video, row.Id, videoId, cancellationToken);
            return videoId;
        }
        catch
        {
            // Nothing of a video that did not commit stays behind.
            await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(ownerId, videoId), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Returns each imported (or earlier imported) VideoQ group's AskVideo owner.</summary>
    private async Task<Dictionary<long, Guid>> ImportGroupsAsync(IVideoQSource source, Run run, CancellationToken cancellationToken)
    {
        var groups = await source.ReadGroupsAsync(cancellationToken);
        var live = await LiveAsync(run, ImportedKind.Group, ids => db.Groups.Where(g => ids.Contains(g.Id)).Select(g => g.Id), cancellationToken);
        var owners = new Dictionary<long, Guid>();
        foreach (var row in groups)
        {
            if (run.Mapped(ImportedKind.Group, row.Id) is { } mapped)
            {
                if (live.Contains(mapped) && run.UserIds.TryGetValue(row.UserId, out var owner))
                {
                    run.GroupIds[row.Id] = mapped;
                    owners[row.Id] = owner;
                }
                run.Groups.Already++;
                continue;
            }
            if (!run.UserIds.TryGetValue(row.UserId, out var ownerId))
            {
                run.Skip(run.Groups, $"group {row.Id} \"{row.Name}\": its owner (user {row.UserId}) was not imported");
                continue;
            }
            var name = row.Name.Trim();
            if (name.Length == 0) name = "Untitled group";
            if (name.Length > VideoGroup.MaxNameLength) name = name[..VideoGroup.MaxNameLength].TrimEnd();
            var group = VideoGroup.Create(ownerId, name, row.Description, row.CreatedAt);
            if (!run.DryRun) db.Groups.Add(group);
            run.GroupIds[row.Id] = group.Id;
            owners[row.Id] = ownerId;
            await AddMappingAsync(run, ImportedKind.Group, row.Id, group.Id, cancellationToken);
            run.Groups.Imported++;
        }
        logger.LogInformation("VideoQ groups: {Imported} imported, {Already} already, {Skipped} skipped", run.Groups.Imported, run.Groups.Already, run.Groups.Skipped);
        return owners;
    }

    /// <summary>
    /// The videos of each group in VideoQ's order. A video the group already holds is left where it is (its owner may
    /// have reordered the group since); a new one goes to the end.
    /// </summary>
    private async Task ImportMembersAsync(IVideoQSource source, Run run, CancellationToken cancellationToken)
    {
        var members = await source.ReadMembersAsync(cancellationToken);
        foreach (var byGroup in members.GroupBy(m => m.GroupId))
        {
            if (!run.GroupIds.TryGetValue(byGroup.Key, out var groupId))
            {
                run.Members.Skipped += byGroup.Count(); // the group's own note says why
                continue;
            }
            var group = await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
            var present = group?.Members.Select(m => m.VideoId).ToHashSet() ?? [];
            foreach (var member in byGroup)
            {
                if (!run.VideoIds.TryGetValue(member.VideoId, out var videoId))
                {
                    run.Members.Skipped++; // the video's own note says why
                    continue;
                }
                if (!present.Add(videoId))
                {
                    run.Members.Already++;
                    continue;
                }
                if (group is not null && !run.DryRun)
                {
                    try
                    {
                        group.AddVideo(videoId, member.AddedAt);
                    }
                    catch (DomainException ex)
                    {
                        run.Skip(run.Members, $"group {byGroup.Key}: video {member.VideoId} not added ({ex.Message})");
                        continue;
                    }
                }
                run.Members.Imported++;
            }
            if (run.DryRun) continue;
            await db.SaveChangesAsync(cancellationToken);
            db.ClearTracking();
        }
        logger.LogInformation("VideoQ group videos: {Imported} imported, {Already} already, {Skipped} skipped", run.Members.Imported, run.Members.Already, run.Members.Skipped);
    }

    /// <summary>Chat histories, in batches (a VideoQ history can be large): each batch commits with its mappings.</summary>
    private async Task ImportChatLogsAsync(IVideoQSource source, Run run, Dictionary<long, Guid> groupOwners, CancellationToken cancellationToken)
    {
        var pending = 0;
        await foreach (var row in source.ReadChatLogsAsync(cancellationToken))
        {
            if (run.Mapped(ImportedKind.ChatLog, row.Id) is not null)
            {
                run.ChatLogs.Already++;
                continue;
            }
            if (!run.GroupIds.TryGetValue(row.GroupId, out var groupId) || !groupOwners.TryGetValue(row.GroupId, out var ownerId))
            {
                run.ChatLogs.Skipped++; // the group's own note says why
                continue;
            }
            run.ChatLogs.Imported++;
            if (run.DryRun) continue;
            var log = ChatLog.Create(ownerId, groupId, null, row.IsSharedOrigin ? ChatOrigin.Share : ChatOrigin.Owner, row.Question, null, row.Answer,
                VideoQMapping.Citations(row.CitationsJson, row.RetrievedContextsJson, run.VideoIds), ImportedModel, 0, null, null,
                SecretTokens.Hash(SecretTokens.Create()), row.CreatedAt);
            log.Rate(row.Feedback switch { "good" => ChatFeedback.Good, "bad" => ChatFeedback.Bad, _ => null }, null);
            db.ChatLogs.Add(log);
            db.ImportedRecords.Add(ImportedRecord.Create(run.Source, ImportedKind.ChatLog, Key(row.Id), log.Id, time.GetUtcNow()));
            if (++pending < ChatLogBatch) continue;
            await db.SaveChangesAsync(cancellationToken);
            db.ClearTracking();
            pending = 0;
        }
        if (pending > 0) await db.SaveChangesAsync(cancellationToken);
        db.ClearTracking();
        logger.LogInformation("VideoQ chat logs: {Imported} imported, {Already} already, {Skipped} skipped", run.ChatLogs.Imported, run.ChatLogs.Already, run.ChatLogs.Skipped);
    }

    /// <summary>Records the mapping and commits it with the entity added before it (nothing in a dry run).</summary>
    private async Task AddMappingAsync(Run run, ImportedKind kind, long sourceId, Guid targetId, CancellationToken cancellationToken)
    {
        if (run.DryRun) return;
        db.ImportedRecords.Add(ImportedRecord.Create(run.Source, kind, Key(sourceId), targetId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        db.ClearTracking();
    }

    /// <summary>Which targets of earlier runs still exist (their owners may have deleted some since).</summary>
    private static async Task<HashSet<Guid>> LiveAsync(Run run, ImportedKind kind, Func<List<Guid>, IQueryable<Guid>> existing, CancellationToken cancellationToken)
    {
        var targets = run.Targets(kind);
        return targets.Count == 0 ? [] : (await existing(targets).ToListAsync(cancellationToken)).ToHashSet();
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed class Counter
    {
        public int Imported;
        public int Already;
        public int Skipped;

        public ImportTally Tally => new(Imported, Already, Skipped);
    }

    /// <summary>The state of one run: the mappings of earlier runs, this run's id maps, counts and notes.</summary>
    private sealed class Run(ImportVideoQCommand request, Dictionary<(ImportedKind, string), Guid> mappings)
    {
        public string Source => request.Source;
        public bool DryRun => request.DryRun;
        public Dictionary<long, Guid> UserIds { get; } = [];
        public Dictionary<long, Guid> VideoIds { get; } = [];
        public Dictionary<long, Guid> GroupIds { get; } = [];
        public Counter Users { get; } = new();
        public Counter Videos { get; } = new();
        public Counter Groups { get; } = new();
        public Counter Members { get; } = new();
        public Counter ChatLogs { get; } = new();
        public List<string> Notes { get; } = [];
        public int LinkedByEmail;
        public int KeepingPassword;
        public int NeedingReset;
        public int WithTranscript;
        public int Queued;

        public Guid? Mapped(ImportedKind kind, long id) => mappings.TryGetValue((kind, Key(id)), out var target) ? target : null;

        public List<Guid> Targets(ImportedKind kind) => mappings.Where(m => m.Key.Item1 == kind).Select(m => m.Value).ToList();

        public void Skip(Counter counter, string note)
        {
            counter.Skipped++;
            Notes.Add(note);
        }
    }
}
