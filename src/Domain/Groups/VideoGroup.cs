using AskVideo.Domain.Common;

namespace AskVideo.Domain.Groups;

public sealed class VideoGroup
{
    public const int MaxNameLength = 200;

    private readonly List<VideoGroupMember> _members = [];

    private VideoGroup()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public string? ShareTokenHash { get; private set; }
    public DateTimeOffset? SharedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<VideoGroupMember> Members => _members;

    public static VideoGroup Create(Guid ownerId, string name, string? description, DateTimeOffset now)
    {
        var group = new VideoGroup { Id = Ids.New(), OwnerId = ownerId, CreatedAt = now };
        group.Update(name, description, now);
        return group;
    }

    public void Update(string name, string? description, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
            throw new DomainException("invalid_group_name", $"A group name must be 1 to {MaxNameLength} characters.");
        Name = trimmed;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    /// <summary>Adds the video at the end unless it is already a member. Returns whether it was added.</summary>
    public bool AddVideo(Guid videoId, DateTimeOffset now)
    {
        if (_members.Any(m => m.VideoId == videoId)) return false;
        var position = _members.Count == 0 ? 0 : _members.Max(m => m.Position) + 1;
        _members.Add(new VideoGroupMember(Id, videoId, position, now));
        UpdatedAt = now;
        return true;
    }

    public void Share(string shareTokenHash, DateTimeOffset now)
    {
        ShareTokenHash = shareTokenHash;
        SharedAt = now;
        UpdatedAt = now;
    }

    public void Unshare(DateTimeOffset now)
    {
        ShareTokenHash = null;
        SharedAt = null;
        UpdatedAt = now;
    }
}

public sealed class VideoGroupMember(Guid groupId, Guid videoId, int position, DateTimeOffset addedAt)
{
    public Guid GroupId { get; private set; } = groupId;
    public Guid VideoId { get; private set; } = videoId;
    public int Position { get; internal set; } = position;
    public DateTimeOffset AddedAt { get; private set; } = addedAt;
}
