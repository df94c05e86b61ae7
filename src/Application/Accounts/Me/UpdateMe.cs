using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

/// <summary>
/// Only present fields change. llmModel and llmTemperature set to null (or an empty model) return to the server's
/// defaults.
/// </summary>
public sealed record UpdateMeCommand(string? Username, string? PreferredLanguage, Optional<string?> LlmModel, Optional<double?> LlmTemperature) : ICommand<MeDto>;

internal sealed class UpdateMeValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeValidator()
    {
        When(c => c.Username is not null, () => RuleFor(c => c.Username!).ValidUsername());
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
        RuleFor(c => c.LlmModel.Value).MaximumLength(100).Matches("^[A-Za-z0-9._:/@-]*$").OverridePropertyName("llmModel")
            .WithMessage("That is not a valid model name.");
        RuleFor(c => c.LlmTemperature.Value).InclusiveBetween(0, 2).OverridePropertyName("llmTemperature")
            .WithMessage("Temperature must be between 0 and 2.");
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
                throw ValidationFailedException.For("username", FieldErrorCode.UsernameTaken, "This username is taken; choose another one.");
            user.SetUsername(request.Username, now);
        }
        if (request.PreferredLanguage is not null) user.SetPreferredLanguage(request.PreferredLanguage, now);
        if (request.LlmModel.IsSet) user.SetLlmModel(request.LlmModel.Value, now);
        if (request.LlmTemperature.IsSet) user.SetLlmTemperature(request.LlmTemperature.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetMeQuery(), cancellationToken);
    }
}
