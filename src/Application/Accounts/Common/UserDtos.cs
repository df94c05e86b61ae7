using AskVideo.Domain.Users;

namespace AskVideo.Application.Accounts.Common;

/// <summary>The signed-in user as the login and refresh endpoints return it.</summary>
public sealed record UserDto(
    Guid Id,
    string Email,
    string Username,
    bool IsAdmin,
    string PreferredLanguage,
    DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset CreatedAt)
{
    public static UserDto From(User user) =>
        new(user.Id, user.Email, user.Username, user.IsAdmin, user.PreferredLanguage, user.EmailVerifiedAt, user.CreatedAt);
}

/// <summary>A started or rotated browser session. The secrets go into HttpOnly cookies, never into a JSON body.</summary>
public sealed record SessionResult(
    UserDto User,
    Guid SessionId,
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
