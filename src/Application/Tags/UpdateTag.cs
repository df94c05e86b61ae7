using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Tags;

/// <summary>Renames or recolors a tag; only present fields change.</summary>
public sealed record UpdateTagCommand(Guid Id, string? Name, string? Color) : ICommand<TagWithCountDto>;

internal sealed class UpdateTagValidator : AbstractValidator<UpdateTagCommand>
{
    public UpdateTagValidator()
    {
        RuleFor(c => c.Name).ValidTagName();
        RuleFor(c => c.Color).ValidColor();
    }
}

internal sealed class UpdateTagHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<UpdateTagCommand, TagWithCountDto>
{
    public async Task<TagWithCountDto> Handle(UpdateTagCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var tag = await db.FindOwnedTagAsync(request.Id, userId, cancellationToken);
        if (request.Name is not null)
        {
            await TagRules.EnsureUniqueAsync(db, userId, request.Name, tag.Id, cancellationToken);
            tag.Rename(request.Name);
        }
        if (request.Color is not null) tag.Recolor(request.Color);
        await db.SaveChangesAsync(cancellationToken);
        return new TagWithCountDto(tag.Id, tag.Name, tag.Color, await db.VideoTags.CountAsync(vt => vt.TagId == tag.Id, cancellationToken), tag.CreatedAt);
    }
}
