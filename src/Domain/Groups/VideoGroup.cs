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

    /// <summary>The share token, encrypted at rest, so the owner can copy the link again; guests are matched by the hash.</summary>
    public string? ShareTokenCiphertext { get; private set; }
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
            throw new DomainException(ErrorCode.InvalidGroupName, $"A group name must be 1 to {MaxNameLength} characters.");
        Name = trimmed;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    /// <summary>Adds the video at the end unless it is already a member. Returns whether it was added.</summary>
    public bool AddVideo(Guid videoId, DateTimeOffset now)
    {
        if (_members.Any(m => m.VideoId == videoId)) return false;
        if (_members.Count >= MaxMembers) throw new DomainException(ErrorCode.GroupFull, $"A group can hold at most {MaxMembers} videos.");
        var position = _members.Count == 0 ? 0 : _members.Max(m => m.Position) + 1;
        _members.Add(new VideoGroupMember(Id, videoId, position, now));
        UpdatedAt = now;
        return true;
    }

    public const int MaxMembers = 1000;

    /// <summary>Removes the video; the others keep their order. Returns whether it was a member.</summary>
    public bool RemoveVideo(Guid videoId, DateTimeOffset now)
    {
        var removed = _members.RemoveAll(m => m.VideoId == videoId) > 0;
        if (removed) UpdatedAt = now;
        return removed;
    }

    /// <summary>Puts the members in the given order. The ids must be exactly the members, each once.</summary>
    public void Reorder(IReadOnlyList<Guid> videoIds, DateTimeOffset now)
    {
        if (videoIds.Count != videoIds.Distinct().Count())
            throw new DomainException(ErrorCode.InvalidOrder, "Each video may appear only once in the order.");
        var members = _members.Select(m => m.VideoId).ToHashSet();
        if (videoIds.Count != members.Count || !videoIds.All(members.Contains))
            throw new DomainException(ErrorCode.InvalidOrder, "The order must list exactly the videos of the group.");
        var position = videoIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        foreach (var member in _members) member.Position = position[member.VideoId];
        UpdatedAt = now;
    }

    /// <summary>Creates or rotates the share link: the previous token stops matching at once.</summary>
    public void Share(string shareTokenHash, string shareTokenCiphertext, DateTimeOffset now)
    {
        ShareTokenHash = shareTokenHash;
        ShareTokenCiphertext = shareTokenCiphertext;
        SharedAt = now;
        UpdatedAt = now;
    }

    public void Unshare(DateTimeOffset now)
    {
        ShareTokenHash = null;
        ShareTokenCiphertext = null;
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
