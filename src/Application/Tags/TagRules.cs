using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Tags;

/// <summary>The tag rules of the Domain (<see cref="Tag"/>) as validation rules, and the per-owner lookups.</summary>
internal static class TagRules
{
    public static IRuleBuilderOptions<T, string?> ValidTagName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || n.Trim().Length is > 0 and <= Tag.MaxNameLength).WithMessage($"A tag name is 1 to {Tag.MaxNameLength} characters.")
            .WithFieldCode(FieldErrorCode.InvalidLength, ("min", 1), ("max", Tag.MaxNameLength));

    public static IRuleBuilderOptions<T, string?> ValidColor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || Tag.IsValidColor(c)).WithMessage("Color must look like #RRGGBB.").WithFieldCode(FieldErrorCode.InvalidColor);

    public static async Task EnsureUniqueAsync(IAppDbContext db, Guid ownerId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalized = Tag.Normalize(name);
        if (await db.Tags.AnyAsync(t => t.OwnerId == ownerId && t.NormalizedName == normalized && t.Id != exceptId, cancellationToken))
            throw new ConflictException(ErrorCode.TagExists, $"You already have a tag named \"{name.Trim()}\".");
    }

    /// <summary>The caller's own tag, tracked. Another user's tag is "not found" (404, never 403).</summary>
    public static async Task<Tag> FindOwnedTagAsync(this IAppDbContext db, Guid tagId, Guid ownerId, CancellationToken cancellationToken) =>
        await db.Tags.SingleOrDefaultAsync(t => t.Id == tagId && t.OwnerId == ownerId, cancellationToken) ?? throw new NotFoundException("tag");
}
