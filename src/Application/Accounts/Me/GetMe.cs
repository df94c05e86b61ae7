using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Me;

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record LimitsDto(int? VideoLimit, long MaxUploadBytes);

public sealed record UsageDto(int VideoCount, long StorageBytes);

public sealed record OpenAiKeyStatusDto(bool Configured, string? Last4);

public sealed record PreferencesDto(string PreferredLanguage, string? LlmModel, double? LlmTemperature);

public sealed record MeDto(
    Guid Id,
    string Email,
    string Username,
    bool IsAdmin,
    DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset CreatedAt,
    PreferencesDto Preferences,
    LimitsDto Limits,
    UsageDto Usage,
    OpenAiKeyStatusDto OpenAiKey);

internal sealed class GetMeHandler(IAppDbContext db, ICurrentUser caller, IOptions<AppOptions> app) : IRequestHandler<GetMeQuery, MeDto>
{
    public async Task<MeDto> Handle(GetMeQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        var usage = await db.Videos.Where(v => v.OwnerId == userId)
            .GroupBy(_ => 1)
            .Select(g => new UsageDto(g.Count(), g.Sum(v => v.SizeBytes)))
            .SingleOrDefaultAsync(cancellationToken) ?? new UsageDto(0, 0);
        return new MeDto(
            user.Id, user.Email, user.Username, user.IsAdmin, user.EmailVerifiedAt, user.CreatedAt,
            new PreferencesDto(user.PreferredLanguage, user.LlmModel, user.LlmTemperature),
            new LimitsDto(user.VideoLimit, user.MaxUploadBytes ?? app.Value.MaxUploadBytes),
            usage,
            new OpenAiKeyStatusDto(user.OpenAiKeyCiphertext is not null, user.OpenAiKeyLast4 is null ? null : "…" + user.OpenAiKeyLast4));
    }
}
