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
        // One statement: the profile with its usage as two scalar subqueries.
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                User = u,
                Videos = db.Videos.Count(v => v.OwnerId == userId),
                Bytes = db.Videos.Where(v => v.OwnerId == userId).Sum(v => (long?)v.SizeBytes) ?? 0,
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("user");
        var (user, usage) = (row.User, new UsageDto(row.Videos, row.Bytes));
        return new MeDto(
            user.Id, user.Email, user.Username, user.IsAdmin, user.EmailVerifiedAt, user.CreatedAt,
            new PreferencesDto(user.PreferredLanguage, user.LlmModel, user.LlmTemperature),
            new LimitsDto(user.VideoLimit, user.MaxUploadBytes ?? app.Value.MaxUploadBytes),
            usage,
            new OpenAiKeyStatusDto(user.OpenAiKeyCiphertext is not null, user.OpenAiKeyLast4 is null ? null : "…" + user.OpenAiKeyLast4));
    }
}
