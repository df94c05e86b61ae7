using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Users;

namespace AskVideo.Application.Admin.Users;

/// <summary>A user as administrators see it: account state, limits and usage.</summary>
public sealed record AdminUserDto(
    Guid Id,
    string Email,
    string Username,
    bool IsActive,
    bool IsAdmin,
    DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset CreatedAt,
    int? VideoLimit,
    long? MaxUploadBytes,
    int VideoCount,
    long StorageBytes,
    bool DeletionPending);

internal static class AdminUserProjection
{
    /// <summary>Users with their usage, computed in the same SQL query.</summary>
    public static IQueryable<AdminUserDto> ToAdminDtos(this IQueryable<User> users, IAppDbContext db) =>
        users.Select(u => new AdminUserDto(
            u.Id, u.Email, u.Username, u.IsActive, u.IsAdmin, u.EmailVerifiedAt, u.CreatedAt, u.VideoLimit, u.MaxUploadBytes,
            db.Videos.Count(v => v.OwnerId == u.Id),
            db.Videos.Where(v => v.OwnerId == u.Id).Sum(v => (long?)v.SizeBytes) ?? 0,
            u.DeletionRequestedAt != null));
}
