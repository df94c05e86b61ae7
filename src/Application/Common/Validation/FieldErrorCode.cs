using AskVideo.Domain.Common;

namespace AskVideo.Application.Common.Validation;

/// <summary>
/// The small, fixed vocabulary of per-field validation codes, sent in a 400's <c>fieldErrors</c> as
/// <c>{code, message, params?}</c> and published in the OpenAPI document as the enum <c>FieldErrorCode</c>.
/// Built-in FluentValidation rules are mapped onto it (<see cref="FieldErrors"/>); every custom rule names its code with
/// <see cref="FieldErrors.WithFieldCode{T, TProperty}"/>. The client translates each code (a test checks it has en and ja).
/// Parameters, when a code has them: <c>min</c>, <c>max</c>, <c>maxBytes</c> (numbers), <c>allowed</c> (the values, comma-separated).
/// </summary>
public sealed class FieldErrorCode : CodeCatalog<FieldErrorCode>
{
    private FieldErrorCode(string value)
        : base(value)
    {
    }

    /// <summary>Empty, missing or only spaces.</summary>
    public static readonly FieldErrorCode Required = new("required");
    /// <summary>Longer than <c>max</c> characters.</summary>
    public static readonly FieldErrorCode TooLong = new("too_long");
    /// <summary>Shorter than <c>min</c> characters.</summary>
    public static readonly FieldErrorCode TooShort = new("too_short");
    /// <summary>Must be <c>min</c> to <c>max</c> characters (after trimming).</summary>
    public static readonly FieldErrorCode InvalidLength = new("invalid_length");
    /// <summary>A number outside <c>min</c>..<c>max</c>.</summary>
    public static readonly FieldErrorCode OutOfRange = new("out_of_range");
    /// <summary>A number below <c>min</c>.</summary>
    public static readonly FieldErrorCode BelowMinimum = new("below_minimum");
    /// <summary>A number above <c>max</c>.</summary>
    public static readonly FieldErrorCode AboveMaximum = new("above_maximum");
    /// <summary>A list with more than <c>max</c> items.</summary>
    public static readonly FieldErrorCode TooMany = new("too_many");
    /// <summary>Larger than <c>maxBytes</c> bytes.</summary>
    public static readonly FieldErrorCode TooLarge = new("too_large");
    /// <summary>A file or text that is empty.</summary>
    public static readonly FieldErrorCode Empty = new("empty");
    /// <summary>Not one of <c>allowed</c>.</summary>
    public static readonly FieldErrorCode InvalidChoice = new("invalid_choice");
    /// <summary>Does not have the expected form (a pattern).</summary>
    public static readonly FieldErrorCode InvalidFormat = new("invalid_format");
    public static readonly FieldErrorCode InvalidEmail = new("invalid_email");
    /// <summary>3 to 32 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.</summary>
    public static readonly FieldErrorCode InvalidUsername = new("invalid_username");
    public static readonly FieldErrorCode UsernameTaken = new("username_taken");
    public static readonly FieldErrorCode InvalidLanguage = new("invalid_language");
    /// <summary>A color that is not #RRGGBB.</summary>
    public static readonly FieldErrorCode InvalidColor = new("invalid_color");
    /// <summary>Not an id of the expected kind.</summary>
    public static readonly FieldErrorCode InvalidId = new("invalid_id");
    /// <summary>The same item appears more than once.</summary>
    public static readonly FieldErrorCode Duplicate = new("duplicate");
    /// <summary>The order does not list exactly the group's videos.</summary>
    public static readonly FieldErrorCode InvalidOrder = new("invalid_order");
    /// <summary>A date that must be in the future.</summary>
    public static readonly FieldErrorCode MustBeFuture = new("must_be_future");
    /// <summary>A file name whose extension is not accepted here (subtitles: .srt or .vtt).</summary>
    public static readonly FieldErrorCode InvalidFileType = new("invalid_file_type");
    /// <summary>Contains characters that cannot be stored (NUL).</summary>
    public static readonly FieldErrorCode InvalidCharacters = new("invalid_characters");
    /// <summary>The body (or multipart form) cannot be read as this request.</summary>
    public static readonly FieldErrorCode InvalidBody = new("invalid_body");
    /// <summary>Subtitles that cannot be parsed (the message names the line).</summary>
    public static readonly FieldErrorCode InvalidSubtitles = new("invalid_subtitles");
    /// <summary>A transcript without spoken lines.</summary>
    public static readonly FieldErrorCode EmptyTranscript = new("empty_transcript");
    /// <summary>The last message of a conversation must be the user's question.</summary>
    public static readonly FieldErrorCode LastMessageNotQuestion = new("last_message_not_question");
    public static readonly FieldErrorCode PasswordTooShort = new("password_too_short");
    public static readonly FieldErrorCode PasswordTooLong = new("password_too_long");
    public static readonly FieldErrorCode PasswordContainsUsername = new("password_contains_username");
    public static readonly FieldErrorCode PasswordContainsEmail = new("password_contains_email");
    public static readonly FieldErrorCode PasswordTooCommon = new("password_too_common");
    public static readonly FieldErrorCode PasswordIncorrect = new("password_incorrect");
    public static readonly FieldErrorCode PasswordUnchanged = new("password_unchanged");
    /// <summary>Anything else; no rule should produce it (a test checks every rule names a code above).</summary>
    public static readonly FieldErrorCode Invalid = new("invalid");
}

/// <summary>One failure of one field: the code, the English message and the code's parameters (numbers or strings).</summary>
public sealed record FieldError(FieldErrorCode Code, string Message, IReadOnlyDictionary<string, object>? Params = null);
