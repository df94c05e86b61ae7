using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Tags;

/// <summary>A new tag; the color defaults to the Domain's when omitted.</summary>
public sealed record CreateTagCommand(string Name, string? Color) : ICommand<TagWithCountDto>;

internal sealed class CreateTagValidator : AbstractValidator<CreateTagCommand>
{
    public CreateTagValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the tag.");
        RuleFor(c => c.Name).ValidTagName();
        RuleFor(c => c.Color).ValidColor();
    }
}

internal sealed class CreateTagHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time) : IRequestHandler<CreateTagCommand, TagWithCountDto>
{
    public async Task<TagWithCountDto> Handle(CreateTagCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        await TagRules.EnsureUniqueAsync(db, userId, request.Name, null, cancellationToken);
        if (await db.Tags.CountAsync(t => t.OwnerId == userId, cancellationToken) >= Tag.MaxPerOwner)
            throw new ConflictException(ErrorCode.TooManyTags, $"You already have {Tag.MaxPerOwner} tags.");
        var tag = Tag.Create(userId, request.Name, request.Color, time.GetUtcNow());
        db.Tags.Add(tag);
        await db.SaveChangesAsync(cancellationToken);
        return new TagWithCountDto(tag.Id, tag.Name, tag.Color, 0, tag.CreatedAt);
    }
}
