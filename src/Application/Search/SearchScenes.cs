using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Search;

public sealed record SceneHitDto(Guid SceneId, Guid VideoId, string Title, long StartMs, long EndMs, string Text, string Snippet, double Score);

public sealed record SceneSearchResultDto(IReadOnlyList<SceneHitDto> Items);

/// <summary>"Find the moment": the caller's scenes ranked by hybrid search, optionally within one group or one video.</summary>
public sealed record SearchScenesQuery(string Q, Guid? GroupId, Guid? VideoId, int Limit = 20) : IQuery<SceneSearchResultDto>;

internal sealed class SearchScenesValidator : AbstractValidator<SearchScenesQuery>
{
    public SearchScenesValidator()
    {
        RuleFor(q => q.Q).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("Type something to search for.").WithFieldCode(FieldErrorCode.Required).MaximumLength(500);
        RuleFor(q => q.Limit).InclusiveBetween(1, 50);
    }
}

internal sealed class SearchScenesHandler(ISearchScopeReader scopes, ICurrentUser caller, IEmbedder embedder, ISceneSearch search, ISecretProtector secrets)
    : IRequestHandler<SearchScenesQuery, SceneSearchResultDto>
{
    public async Task<SceneSearchResultDto> Handle(SearchScenesQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        // The scope and the caller's key in one statement: the search itself is the only other one (SPEC §8).
        var scope = await scopes.ReadAsync(userId, request.GroupId, request.VideoId, cancellationToken);
        if (scope is null)
        {
            if (request.VideoId is not null) throw new NotFoundException("video");
            if (request.GroupId is not null) throw new NotFoundException("group");
            return new SceneSearchResultDto([]);
        }
        if (scope.VideoIds.Count == 0) return new SceneSearchResultDto([]);

        var ciphertext = scope.AiKeyCiphertext;
        var vector = (await embedder.EmbedAsync([request.Q.Trim()], ciphertext is null ? null : secrets.Unprotect(ciphertext, SecretContext.UserAiKey(userId)), cancellationToken))[0];
        var hits = await search.SearchAsync(new SceneQuery(userId, scope.VideoIds, request.Q.Trim(), vector, request.Limit, Highlight: true), cancellationToken);
        return new SceneSearchResultDto(hits.Select(h => new SceneHitDto(h.SceneId, h.VideoId, h.Title, h.StartMs, h.EndMs, h.Text,
            h.Snippet ?? System.Net.WebUtility.HtmlEncode(h.Text.Length <= 200 ? h.Text : h.Text[..200] + "…"), Math.Round(h.Score, 6))).ToList());
    }
}
