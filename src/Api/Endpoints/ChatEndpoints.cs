using AskVideo.Api.Http;
using AskVideo.Application.Chat.Ask;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Chat.Logs;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Search;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

/// <summary>Questions with cited answers, their history, feedback and analytics, and moment search (SPEC §3, §5).</summary>
public static class ChatEndpoints
{
    public sealed record AskRequest(IReadOnlyList<ChatMessageDto> Messages, bool? Stream);

    public sealed record FeedbackRequest(string? Value, string? Comment, string? FeedbackToken);

    private const string AskSummary = "Ask a question {messages: [{role: user|assistant, content}], stream?}. Earlier turns are used to rewrite the last " +
        "question before retrieval. Returns {answer, citations, chatLogId, feedbackToken, model}; with stream: true (or Accept: text/event-stream) " +
        "server-sent events citations, delta…, done (or error).";

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/videos/{id:guid}/chat", AskVideoAsync).WithTags("Chat").WithName("AskVideo").WithSummary(AskSummary)
            .RequireAuthorization().Produces<ChatAnswerDto>(200)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429).ProducesProblem(502).ProducesProblem(503)
            .WithStreamLimits(AnswerStreaming.IsStream);
        api.MapPost("/groups/{id:guid}/chat", AskGroupAsync).WithTags("Chat").WithName("AskGroup").WithSummary(AskSummary)
            .RequireAuthorization().Produces<ChatAnswerDto>(200)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429).ProducesProblem(502).ProducesProblem(503)
            .WithStreamLimits(AnswerStreaming.IsStream);
        api.MapPost("/shared/{shareToken}/chat", AskSharedAsync).WithTags("Shared").WithName("AskShared")
            .WithSummary("A guest's question about a shared group (the share token is the only credential). " + AskSummary)
            .AllowAnonymous().Produces<ChatAnswerDto>(200)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ProducesProblem(429).ProducesProblem(502).ProducesProblem(503)
            .WithStreamLimits(AnswerStreaming.IsStream);

        api.MapPut("/chat/logs/{id:guid}/feedback", SetFeedbackAsync).WithTags("Chat").WithName("SetChatFeedback")
            .WithSummary("Rate an answer {value: good|bad|null, comment?, feedbackToken?}: the owner may rate any answer about their videos, anyone else needs the feedbackToken that came with the answer.")
            .AllowAnonymous().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);

        var logs = api.MapGroup("/groups/{id:guid}/chat").WithTags("Chat").RequireAuthorization().ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);
        logs.MapGet("/logs", ListLogsAsync).WithName("ListGroupChatLogs")
            .WithSummary("The group's questions and answers, newest first, paged. ?format=csv downloads the whole history (UTF-8 with BOM).")
            .Produces<Paged<ChatLogDto>>(200).ProducesValidationProblem();
        logs.MapDelete("/logs", ClearLogsAsync).WithName("ClearGroupChatLogs").WithSummary("Delete the group's chat history.").ProducesProblem(403);
        logs.MapGet("/analytics", AnalyticsAsync).WithName("GetGroupChatAnalytics")
            .WithSummary("Questions per day (?days=30), feedback counts, most-cited scenes and questions answered without a citation.").ProducesValidationProblem();

        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("SearchScenes").RequireAuthorization()
            .WithSummary("Find the moment: your scenes ranked by hybrid (semantic + full-text) search, ?q=, optionally within groupId or videoId; snippets highlight matches with <b>.")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);
        return api;
    }

    private static async Task<IResult> AskVideoAsync(Guid id, AskRequest body, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        await AnswerStreaming.RespondAsync(context, await mediator.Send(new AskVideoQuery(id, body.Messages ?? []), cancellationToken),
            AnswerStreaming.Wants(context.Request, body.Stream), cancellationToken);

    private static async Task<IResult> AskGroupAsync(Guid id, AskRequest body, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        await AnswerStreaming.RespondAsync(context, await mediator.Send(new AskGroupQuery(id, body.Messages ?? []), cancellationToken),
            AnswerStreaming.Wants(context.Request, body.Stream), cancellationToken);

    private static async Task<IResult> AskSharedAsync(string shareToken, AskRequest body, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        await AnswerStreaming.RespondAsync(context, await mediator.Send(new AskSharedQuery(shareToken, body.Messages ?? []), cancellationToken),
            AnswerStreaming.Wants(context.Request, body.Stream), cancellationToken);

    private static async Task<NoContent> SetFeedbackAsync(Guid id, FeedbackRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new SetChatFeedbackCommand(id, body.Value, body.Comment, body.FeedbackToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListLogsAsync(Guid id, string? format, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken)
    {
        if (format == "csv")
        {
            var file = await mediator.Send(new ExportGroupChatLogsQuery(id), cancellationToken);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName);
        }
        return TypedResults.Ok(await mediator.Send(new ListGroupChatLogsQuery(id, page ?? 1, pageSize ?? Paging.DefaultPageSize), cancellationToken));
    }

    private static async Task<NoContent> ClearLogsAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new ClearGroupChatLogsCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Ok<ChatAnalytics>> AnalyticsAsync(Guid id, int? days, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new GetGroupChatAnalyticsQuery(id, days ?? 30), cancellationToken));

    private static Task<Ok<SceneSearchResultDto>> SearchAsync(string? q, Guid? groupId, Guid? videoId, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new SearchScenesQuery(q ?? "", groupId, videoId), cancellationToken));
}
