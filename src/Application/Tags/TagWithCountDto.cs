namespace AskVideo.Application.Tags;

public sealed record TagWithCountDto(Guid Id, string Name, string Color, int VideoCount, DateTimeOffset CreatedAt);
