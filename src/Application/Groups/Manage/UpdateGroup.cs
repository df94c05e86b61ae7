using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Groups.Manage;

/// <summary>Only present fields change; an empty description clears it.</summary>
public sealed record UpdateGroupCommand(Guid Id, string? Name, string? Description) : ICommand<GroupDto>;

internal sealed class UpdateGroupValidator : AbstractValidator<UpdateGroupCommand>
{
    public UpdateGroupValidator()
    {
        RuleFor(c => c.Name).Must(n => n is null || n.Trim().Length > 0).WithMessage("Give the group a name.").WithFieldCode(FieldErrorCode.Required).MaximumLength(VideoGroup.MaxNameLength);
        RuleFor(c => c.Description).MaximumLength(Video.MaxDescriptionLength);
    }
}

internal sealed class UpdateGroupHandler(IAppDbContext db, ICurrentUser caller, GroupViews views, TimeProvider time)
    : IRequestHandler<UpdateGroupCommand, GroupDto>
{
    public async Task<GroupDto> Handle(UpdateGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.FindOwnedGroupAsync(request.Id, caller.RequireUserId(), cancellationToken);
        group.Update(request.Name ?? group.Name, request.Description ?? group.Description, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.ToDtoAsync(group, cancellationToken);
    }
}
