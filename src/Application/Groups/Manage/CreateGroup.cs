using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Groups.Common;
using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Groups.Manage;

public sealed record CreateGroupCommand(string Name, string? Description) : ICommand<GroupDto>
{
    public const int MaxGroupsPerUser = 500;
}

internal sealed class CreateGroupValidator : AbstractValidator<CreateGroupCommand>
{
    public CreateGroupValidator()
    {
        RuleFor(c => c.Name).Must(n => n is not null && n.Trim().Length > 0).WithMessage("Give the group a name.").WithFieldCode(FieldErrorCode.Required).MaximumLength(VideoGroup.MaxNameLength);
        RuleFor(c => c.Description).MaximumLength(Video.MaxDescriptionLength);
    }
}

internal sealed class CreateGroupHandler(IAppDbContext db, ICurrentUser caller, GroupViews views, TimeProvider time)
    : IRequestHandler<CreateGroupCommand, GroupDto>
{
    public async Task<GroupDto> Handle(CreateGroupCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        if (await db.Groups.CountAsync(g => g.OwnerId == userId, cancellationToken) >= CreateGroupCommand.MaxGroupsPerUser)
            throw new ConflictException(ErrorCode.TooManyGroups, $"You can have at most {CreateGroupCommand.MaxGroupsPerUser} groups. Delete one first.");
        var group = VideoGroup.Create(userId, request.Name, request.Description, time.GetUtcNow());
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return await views.ToDtoAsync(group, cancellationToken);
    }
}
