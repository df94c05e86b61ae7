using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using FluentValidation;

namespace AskVideo.Application.Videos.Upload;

/// <summary>The describing fields every way of uploading accepts.</summary>
public interface IUploadFieldValues
{
    string? Title { get; }
    string? Description { get; }
    string? Language { get; }
    string? GroupId { get; }
    IReadOnlyList<string> Tags { get; }
}

/// <summary>The rules for those fields (and for the subtitles' file name), shared by the upload requests' validators.</summary>
internal abstract class UploadFieldRules<T> : AbstractValidator<T> where T : IUploadFieldValues
{
    protected UploadFieldRules()
    {
        RuleFor(f => f.Title).MaximumLength(Video.MaxTitleLength);
        RuleFor(f => f.Description).MaximumLength(Video.MaxDescriptionLength);
        RuleFor(f => f.Language).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$").When(f => !string.IsNullOrEmpty(f.Language))
            .WithMessage("Language must be a language code such as \"en\" or \"ja\".").WithFieldCode(FieldErrorCode.InvalidLanguage);
        RuleFor(f => f.GroupId).Must(g => g is null || Guid.TryParse(g, out _)).WithMessage("groupId must be a group id.").WithFieldCode(FieldErrorCode.InvalidId);
        RuleFor(f => f.Tags).Must(t => t.Count <= Video.MaxTags).WithMessage($"At most {Video.MaxTags} tags.")
            .WithFieldCode(FieldErrorCode.TooMany, ("max", Video.MaxTags));
        RuleForEach(f => f.Tags).MaximumLength(Tag.MaxNameLength).OverridePropertyName("tags");
    }

    public static bool IsSubtitlesName(string? fileName) => fileName is null || MediaTypes.SubtitleExtension(fileName).Length > 0;

    protected const string SubtitlesMessage = "Subtitles must be an .srt or .vtt file.";

    protected const string SubtitleTypes = ".srt, .vtt";
}
