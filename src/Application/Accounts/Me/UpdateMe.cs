using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

/// <summary>Changes only the fields that are present. An empty llmModel returns to the server's default model.</summary>
public sealed record UpdateMeCommand(string? Username, string? PreferredLanguage, string? LlmModel, double? LlmTemperature) : ICommand<MeDto>;

internal sealed class UpdateMeValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeValidator()
    {
        When(c => c.Username is not null, () => RuleFor(c => c.Username!).ValidUsername());
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
        RuleFor(c => c.LlmModel).MaximumLength(100).Matches("^[A-Za-z0-9._:/@-]*$").WithMessage("That is not a valid model name.");
        RuleFor(c => c.LlmTemperature).InclusiveBetween(0, 2).WithMessage("Temperature must be between 0 and 2.");
    }
}

internal sealed class UpdateMeHandler(IAppDbContext db, ICurrentUser caller, IMediator mediator, TimeProvider time)
    : IRequestHandler<UpdateMeCommand, MeDto>
{
    public async Task<MeDto> Handle(UpdateMeCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        var now = time.GetUtcNow();
        if (request.Username is not null && User.NormalizeUsername(request.Username) != user.NormalizedUsername)
        {
            var normalized = User.NormalizeUsername(request.Username);
            if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized && u.Id != userId, cancellationToken))
                throw ValidationFailedException.For("username", "This username is taken; choose another one.");
            user.SetUsername(request.Username, now);
        }
        user.SetPreferences(request.PreferredLanguage, request.LlmModel, request.LlmTemperature, now);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetMeQuery(), cancellationToken);
    }
}
