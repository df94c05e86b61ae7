using System.Text.RegularExpressions;
using AskVideo.Domain.Common;

namespace AskVideo.Domain.Videos;

public sealed partial class Tag
{
    public const int MaxNameLength = 50;
    public const string DefaultColor = "#64748b";

    /// <summary>How many tags one user may have.</summary>
    public const int MaxPerOwner = 500;

    private Tag()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
        Color = DefaultColor;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Name { get; private set; }
    public string NormalizedName { get; private set; }
    public string Color { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Tag Create(Guid ownerId, string name, string? color, DateTimeOffset now)
    {
        var tag = new Tag { Id = Ids.New(), OwnerId = ownerId, CreatedAt = now };
        tag.Rename(name);
        tag.Recolor(color ?? DefaultColor);
        return tag;
    }

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValidColor(string color) => ColorPattern().IsMatch(color);

    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
            throw new DomainException(ErrorCode.InvalidTagName, $"A tag name must be 1 to {MaxNameLength} characters.");
        Name = trimmed;
        NormalizedName = Normalize(trimmed);
    }

    public void Recolor(string color)
    {
        if (!IsValidColor(color)) throw new DomainException(ErrorCode.InvalidTagColor, "A tag color must look like #RRGGBB.");
        Color = color.ToLowerInvariant();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}

public sealed class VideoTag(Guid videoId, Guid tagId)
{
    public Guid VideoId { get; private set; } = videoId;
    public Guid TagId { get; private set; } = tagId;
}
