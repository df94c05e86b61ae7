using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Tags;

public sealed record TagWithCountDto(Guid Id, string Name, string Color, int VideoCount, DateTimeOffset CreatedAt);

public sealed record ListTagsQuery : IQuery<IReadOnlyList<TagWithCountDto>>;

internal sealed class ListTagsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ListTagsQuery, IReadOnlyList<TagWithCountDto>>
{
    public async Task<IReadOnlyList<TagWithCountDto>> Handle(ListTagsQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        return await db.Tags.AsNoTracking().Where(t => t.OwnerId == userId).OrderBy(t => t.NormalizedName)
            .Select(t => new TagWithCountDto(t.Id, t.Name, t.Color, db.VideoTags.Count(vt => vt.TagId == t.Id), t.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

internal static class TagRules
{
    public static IRuleBuilderOptions<T, string?> ValidTagName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || n.Trim().Length is > 0 and <= Tag.MaxNameLength).WithMessage($"A tag name is 1 to {Tag.MaxNameLength} characters.");

    public static IRuleBuilderOptions<T, string?> ValidColor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || Tag.IsValidColor(c)).WithMessage("Color must look like #RRGGBB.");

    public static async Task EnsureUniqueAsync(IAppDbContext db, Guid ownerId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalized = Tag.Normalize(name);
        if (await db.Tags.AnyAsync(t => t.OwnerId == ownerId && t.NormalizedName == normalized && t.Id != exceptId, cancellationToken))
            throw new ConflictException("tag_exists", $"You already have a tag named \"{name.Trim()}\".");
    }
}

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
    private const int MaxTagsPerUser = 500;

    public async Task<TagWithCountDto> Handle(CreateTagCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        await TagRules.EnsureUniqueAsync(db, userId, request.Name, null, cancellationToken);
        if (await db.Tags.CountAsync(t => t.OwnerId == userId, cancellationToken) >= MaxTagsPerUser)
            throw new ConflictException("too_many_tags", $"You already have {MaxTagsPerUser} tags.");
        var tag = Tag.Create(userId, request.Name, request.Color, time.GetUtcNow());
        db.Tags.Add(tag);
        await db.SaveChangesAsync(cancellationToken);
        return new TagWithCountDto(tag.Id, tag.Name, tag.Color, 0, tag.CreatedAt);
    }
}

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
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == request.Id && t.OwnerId == userId, cancellationToken) ?? throw new NotFoundException("tag");
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

public sealed record DeleteTagCommand(Guid Id) : ICommand<Unit>;

internal sealed class DeleteTagHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeleteTagCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTagCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == request.Id && t.OwnerId == userId, cancellationToken) ?? throw new NotFoundException("tag");
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
