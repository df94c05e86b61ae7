using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Videos.Manage;

/// <summary>Only present fields change. tags replaces the whole set (names; unknown ones are created).</summary>
public sealed record UpdateVideoCommand(Guid Id, string? Title, string? Description, IReadOnlyList<string>? Tags) : ICommand<VideoDto>;

internal sealed class UpdateVideoValidator : AbstractValidator<UpdateVideoCommand>
{
    public UpdateVideoValidator()
    {
        RuleFor(c => c.Title).Must(t => t is null || t.Trim().Length > 0).WithMessage("The title cannot be empty.").WithFieldCode(FieldErrorCode.Required)
            .MaximumLength(Video.MaxTitleLength);
        RuleFor(c => c.Description).MaximumLength(Video.MaxDescriptionLength);
        RuleFor(c => c.Tags).Must(t => t is null || t.Count <= 20).WithMessage("At most 20 tags.").WithFieldCode(FieldErrorCode.TooMany, ("max", 20));
        RuleForEach(c => c.Tags).NotEmpty().MaximumLength(Tag.MaxNameLength);
    }
}

internal sealed class UpdateVideoHandler(IAppDbContext db, ICurrentUser caller, IMediaLinks links, TimeProvider time) : IRequestHandler<UpdateVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(UpdateVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        var now = time.GetUtcNow();
        if (request.Tags is not null)
        {
            var tags = await db.ResolveTagsAsync(userId, request.Tags, now, cancellationToken);
            video.ReplaceTags(tags.Select(t => t.Id));
        }
        await db.SaveOwnerChangeAsync(video, v =>
        {
            if (request.Title is not null) v.Rename(request.Title, now);
            if (request.Description is not null) v.Describe(request.Description, now);
        }, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}
