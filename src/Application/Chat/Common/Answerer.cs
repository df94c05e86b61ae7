using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Chat;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Chat.Common;

/// <summary>Where a question is asked and by whom: the owner's videos it may search, and the group's context.</summary>
public sealed record ChatContext(Guid OwnerId, Guid? GroupId, Guid? VideoId, IReadOnlyList<Guid> VideoIds, string? GroupName, string? GroupDescription, ChatOrigin Origin);

/// <summary>
/// A prepared answer: the scenes it may cite are known, the text is produced while it is enumerated. This is the
/// streaming port MediatR 5 lacks: the handler authorizes, rewrites and retrieves (so those errors are ordinary
/// problems), and the endpoint either streams the events or waits for <see cref="AnswerEvent.Done"/>.
/// </summary>
public sealed class AnswerStream(IReadOnlyList<CitationDto> candidates, Func<CancellationToken, IAsyncEnumerable<AnswerEvent>> run)
{
    public IReadOnlyList<CitationDto> Candidates { get; } = candidates;

    /// <summary>Delta events, then one Done event. Provider failures surface as exceptions from the enumeration.</summary>
    public IAsyncEnumerable<AnswerEvent> RunAsync(CancellationToken cancellationToken) => run(cancellationToken);

    public async Task<ChatAnswerDto> CompleteAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in RunAsync(cancellationToken))
            if (item is AnswerEvent.Done done) return done.Answer;
        throw new InvalidOperationException("The answer ended without a result.");
    }
}

/// <summary>Rewrites follow-up questions, retrieves scenes, and answers from them with the language model or extractively.</summary>
public sealed class Answerer(IAppDbContext db, IEmbedder embedder, ISceneSearch search, IChatModel model, ISecretProtector secrets, TimeProvider time)
{
    public const int MaxScenes = 8;
    public const int MaxMessages = 40;
    public const int MaxMessageLength = 4000;

    public async Task<AnswerStream> PrepareAsync(ChatContext context, IReadOnlyList<ChatMessageDto> messages, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var question = messages[^1].Content.Trim();
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == context.OwnerId)
            .Select(u => new { u.OpenAiKeyCiphertext, u.LlmModel, u.LlmTemperature, u.PreferredLanguage })
            .SingleAsync(cancellationToken);
        // The owner's key, model and temperature are used for everyone who asks about their videos (guests included).
        var apiKey = owner.OpenAiKeyCiphertext is null ? null : secrets.Unprotect(owner.OpenAiKeyCiphertext, SecretContext.UserAiKey(context.OwnerId));
        var language = LanguageOf(question, context.Origin == ChatOrigin.Owner ? owner.PreferredLanguage : null);
        var llm = model.IsAvailable(apiKey);
        var settings = new ChatCompletionRequest([], apiKey, owner.LlmModel, owner.LlmTemperature);

        var standalone = llm && messages.Count(m => m.Role == "user") > 1
            ? await RewriteAsync(messages, language, settings, cancellationToken)
            : question;
        var vector = (await embedder.EmbedAsync([standalone], apiKey, cancellationToken))[0];
        var scenes = context.VideoIds.Count == 0 ? [] : await search.SearchAsync(
            new SceneQuery(context.OwnerId, context.VideoIds, standalone, vector, MaxScenes), cancellationToken);
        var moments = await MomentsAsync(standalone, scenes, cancellationToken);
        var candidates = scenes.Select((s, i) => new CitationDto(i + 1, s.SceneId, s.VideoId, s.Title, moments[i], s.EndMs, s.Text)).ToList();
        var unanswered = candidates.Count == 0 ? await NoSceneAnswerAsync(context, language, cancellationToken) : null;

        return new AnswerStream(candidates, ct => RunAsync(context, messages, question, standalone, candidates, unanswered, language, llm, settings, started, ct));
    }

    /// <summary>
    /// What to answer when no scene matched: why. Nothing to search (no video, or none ready: processing or failed) is
    /// said as such; "ask in other words" would send the asker rephrasing a question no wording can answer.
    /// </summary>
    private async Task<string> NoSceneAnswerAsync(ChatContext context, string language, CancellationToken cancellationToken)
    {
        var ja = language == "ja";
        if (context.VideoIds.Count == 0)
            return ja ? "このグループにはまだ動画がありません。動画を追加すると、動画について質問できます。" : "This group has no videos yet. Add videos to it to ask questions about them.";
        if (!await db.Videos.AnyAsync(v => context.VideoIds.Contains(v.Id) && v.Status == VideoStatus.Ready, cancellationToken))
        {
            return context.VideoId is not null
                ? ja ? "この動画はまだ検索できません（処理中か、処理に失敗しています）。準備ができてから、もう一度質問してください。"
                    : "This video can't be searched yet: it is still being processed, or its processing failed. Ask again once it is ready."
                : ja ? "これらの動画はまだ検索できません（処理中か、処理に失敗しています）。いずれかの動画の準備ができてから、もう一度質問してください。"
                    : "None of these videos can be searched yet: they are still being processed, or their processing failed. Ask again once one of them is ready.";
        }
        return ja ? "この質問に関係する場面は動画の中に見つかりませんでした。別の言葉で聞いてみてください。" : "I couldn't find anything about this in the videos. Try asking in other words.";
    }

    private async IAsyncEnumerable<AnswerEvent> RunAsync(ChatContext context, IReadOnlyList<ChatMessageDto> messages, string question, string standalone,
        List<CitationDto> candidates, string? unanswered, string language, bool llm, ChatCompletionRequest settings, long started,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        int? promptTokens = null, completionTokens = null;
        string modelName;
        if (unanswered is not null)
        {
            modelName = llm ? model.ResolveModel(settings.Model) : "extractive";
            answer.Append(unanswered);
            yield return new AnswerEvent.Delta(unanswered);
        }
        else if (llm)
        {
            modelName = model.ResolveModel(settings.Model);
            var turns = new List<ChatTurn> { new(ChatRole.System, Prompts.Answer(language, context.GroupName, context.GroupDescription, candidates)) };
            turns.AddRange(messages.SkipLast(1).TakeLast(6).Select(m => new ChatTurn(m.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, m.Content)));
            turns.Add(new ChatTurn(ChatRole.User, standalone));
            await foreach (var chunk in model.StreamAsync(settings with { Messages = turns }, cancellationToken))
            {
                promptTokens = chunk.PromptTokens ?? promptTokens;
                completionTokens = chunk.CompletionTokens ?? completionTokens;
                if (chunk.Text.Length == 0) continue;
                answer.Append(chunk.Text);
                yield return new AnswerEvent.Delta(chunk.Text);
            }
        }
        else
        {
            modelName = "extractive";
            var text = Extractive(candidates, language);
            answer.Append(text);
            yield return new AnswerEvent.Delta(text);
        }

        var used = CitationParser.Used(answer.ToString(), candidates);
        var feedbackToken = SecretTokens.Create();
        var log = ChatLog.Create(context.OwnerId, context.GroupId, context.VideoId, context.Origin, question,
            standalone == question ? null : standalone, answer.ToString(), JsonSerializer.Serialize(used, CitationJson.Options), modelName,
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, promptTokens, completionTokens, SecretTokens.Hash(feedbackToken), time.GetUtcNow());
        db.ChatLogs.Add(log);
        await db.SaveChangesAsync(CancellationToken.None);
        yield return new AnswerEvent.Done(new ChatAnswerDto(answer.ToString(), used, log.Id, feedbackToken, modelName));
    }

    /// <summary>For each retrieved passage, where in it the question is answered (see <see cref="MomentFinder"/>).</summary>
    private async Task<long[]> MomentsAsync(string question, IReadOnlyList<RetrievedScene> scenes, CancellationToken cancellationToken)
    {
        var videoIds = scenes.Select(s => s.VideoId).Distinct().ToList();
        var from = scenes.Count == 0 ? 0 : scenes.Min(s => s.StartMs);
        var segments = (await db.TranscriptSegments.AsNoTracking()
                .Where(l => videoIds.Contains(l.VideoId) && l.StartMs >= from)
                .Select(l => new { l.VideoId, l.StartMs, l.EndMs, l.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.VideoId);
        return scenes.Select(scene => MomentFinder.BestStart(question, scene.StartMs, segments[scene.VideoId]
                .Where(l => l.StartMs >= scene.StartMs && l.StartMs < scene.EndMs)
                .Select(l => new Domain.Transcripts.TranscriptLine(l.StartMs, l.EndMs, l.Text)).ToList()))
            .ToArray();
    }

    private async Task<string> RewriteAsync(IReadOnlyList<ChatMessageDto> messages, string language, ChatCompletionRequest settings, CancellationToken cancellationToken)
    {
        var turns = new List<ChatTurn> { new(ChatRole.System, Prompts.Rewrite(language)) };
        turns.AddRange(messages.TakeLast(7).Select(m => new ChatTurn(m.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, m.Content)));
        var rewritten = new StringBuilder();
        await foreach (var chunk in model.StreamAsync(settings with { Messages = turns, Temperature = 0, MaxTokens = 200 }, cancellationToken))
            rewritten.Append(chunk.Text);
        var result = rewritten.ToString().Trim().Trim('"', '「', '」').Trim();
        return result.Length is > 0 and <= MaxMessageLength ? result : messages[^1].Content.Trim();
    }

    /// <summary>With no language model: the best scenes quoted with their citations, and a plain note saying so.</summary>
    private static string Extractive(IReadOnlyList<CitationDto> candidates, string language)
    {
        var text = new StringBuilder(language == "ja"
            ? "言語モデルが設定されていないため、質問に最も近い場面をそのまま引用します。\n\n"
            : "No language model is configured, so here are the passages that best match your question.\n\n");
        foreach (var scene in candidates.Take(3))
        {
            var quote = scene.Text.Length <= 400 ? scene.Text : scene.Text[..400].TrimEnd() + "…";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"> {quote} [{scene.N}]\n\n");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Japanese when the question is written in it; otherwise the asker's preferred language; else English.</summary>
    public static string LanguageOf(string question, string? preferred)
    {
        var japanese = question.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
        if (japanese * 4 >= question.Count(char.IsLetter) && japanese > 0) return "ja";
        var latin = question.Count(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
        return latin > 0 ? "en" : preferred == "ja" ? "ja" : "en";
    }
}

public static class CitationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CitationDto> Read(string json) =>
        JsonSerializer.Deserialize<List<CitationDto>>(json, Options) ?? [];
}
