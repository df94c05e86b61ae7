using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Groups;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Groups.Members;

/// <summary>Adds the caller's videos at the end, skipping members. Any id that is not the caller's → 404, nothing added.</summary>
public sealed record AddGroupVideosCommand(Guid GroupId, IReadOnlyList<Guid> VideoIds) : ICommand<AddGroupVideosResultDto>;

internal sealed class AddGroupVideosValidator : AbstractValidator<AddGroupVideosCommand>
{
    public AddGroupVideosValidator()
    {
        RuleFor(c => c.VideoIds).NotEmpty().WithMessage("Choose at least one video.")
            .Must(ids => ids.Count <= VideoGroup.MaxMembers).WithMessage($"At most {VideoGroup.MaxMembers} videos at once.")
            .WithFieldCode(FieldErrorCode.TooMany, ("max", VideoGroup.MaxMembers));
    }
}

internal sealed class AddGroupVideosHandler(IAppDbContext db, ICurrentUser caller, TimeProvider time) : IRequestHandler<AddGroupVideosCommand, AddGroupVideosResultDto>
{
    public async Task<AddGroupVideosResultDto> Handle(AddGroupVideosCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var group = await db.FindOwnedGroupAsync(request.GroupId, userId, cancellationToken);
        var wanted = request.VideoIds.Distinct().ToList();
        var owned = await db.Videos.Where(v => wanted.Contains(v.Id) && v.OwnerId == userId).CountAsync(cancellationToken);
        if (owned != wanted.Count) throw new NotFoundException("video", "One or more of these videos were not found. Nothing was added.");

        var now = time.GetUtcNow();
        var added = new List<Guid>();
        var skipped = new List<Guid>();
        foreach (var id in wanted) (group.AddVideo(id, now) ? added : skipped).Add(id);
        await db.SaveChangesAsync(cancellationToken);
        return new AddGroupVideosResultDto(added, skipped);
    }
}
