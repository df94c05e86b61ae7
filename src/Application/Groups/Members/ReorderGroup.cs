using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Groups.Members;

/// <summary>The new member order: exactly the group's videos, each once, applied in one transaction.</summary>
public sealed record ReorderGroupCommand(Guid GroupId, IReadOnlyList<Guid> VideoIds) : ICommand<GroupDto>;

internal sealed class ReorderGroupValidator : AbstractValidator<ReorderGroupCommand>
{
    public ReorderGroupValidator()
    {
        RuleFor(c => c.VideoIds).NotNull()
            .Must(ids => ids.Count <= VideoGroup.MaxMembers).WithMessage($"At most {VideoGroup.MaxMembers} videos.")
            .WithFieldCode(FieldErrorCode.TooMany, ("max", VideoGroup.MaxMembers))
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each video may appear only once in the order.")
            .WithFieldCode(FieldErrorCode.Duplicate);
    }
}

internal sealed class ReorderGroupHandler(IAppDbContext db, ICurrentUser caller, GroupViews views, TimeProvider time)
    : IRequestHandler<ReorderGroupCommand, GroupDto>
{
    public async Task<GroupDto> Handle(ReorderGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.GroupId, caller.RequireUserId(), cancellationToken);
        try
        {
            group.Reorder(request.VideoIds, time.GetUtcNow());
        }
        catch (DomainException ex) when (ex.Code == ErrorCode.InvalidOrder)
        {
            throw ValidationFailedException.For("videoIds", FieldErrorCode.InvalidOrder, ex.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await views.ToDtoAsync(group, cancellationToken);
    }
}
