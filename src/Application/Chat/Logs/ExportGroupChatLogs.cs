using AskVideo.Application.Common.Models;
using System.Globalization;
using System.Text;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Transcripts;
using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Logs;

/// <summary>The whole history as CSV: UTF-8 with a byte order mark, so spreadsheet programs read Japanese right.</summary>
public sealed record ExportGroupChatLogsQuery(Guid GroupId) : IQuery<DownloadFile>;

internal sealed class ExportGroupChatLogsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ExportGroupChatLogsQuery, DownloadFile>
{
    public async Task<DownloadFile> Handle(ExportGroupChatLogsQuery request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        var logs = await db.ChatLogs.AsNoTracking().Where(l => l.GroupId == group.Id).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), false))
        {
            foreach (var header in new[] { "created_at", "origin", "question", "answer", "citations", "model", "latency_ms", "feedback", "feedback_comment" })
                csv.WriteField(header);
            csv.EndRecord();
            foreach (var log in logs)
            {
                var citations = string.Join("; ", CitationJson.Read(log.Citations).Select(c => $"[{c.N}] {c.Title} {Prompts.Time(c.StartMs)}–{Prompts.Time(c.EndMs)}"));
                foreach (var field in new[]
                {
                    log.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), log.Origin.ToString().ToLowerInvariant(),
                    log.Question, log.Answer, citations, log.Model, log.LatencyMs.ToString(CultureInfo.InvariantCulture),
                    log.Feedback?.ToString().ToLowerInvariant() ?? "", log.FeedbackComment ?? "",
                })
                    csv.WriteField(field);
                csv.EndRecord();
            }
            csv.Flush();
        }
        return new DownloadFile("\uFEFF" + text, "text/csv; charset=utf-8", DownloadNames.From(group.Name, "chat") + "-chat.csv");
    }
}
