using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using FluentValidation;

namespace AskVideo.Application.Accounts.Common;

public static class AccountRules
{
    public const string UsernamePattern = "^[A-Za-z0-9](?:[A-Za-z0-9_.-]{1,30}[A-Za-z0-9])$";

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(254).WithMessage("The email address is too long.")
            .EmailAddress().WithMessage("Enter a valid email address.");

    public static IRuleBuilderOptions<T, string> ValidUsername<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Choose a username.")
            .Matches(UsernamePattern).WithMessage("Usernames are 3 to 32 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.")
            .WithFieldCode(FieldErrorCode.InvalidUsername);

    public static IRuleBuilderOptions<T, string?> ValidLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(l => l is null || Domain.Users.Language.IsSupported(l)).WithMessage("Language must be \"en\" or \"ja\".").WithFieldCode(FieldErrorCode.InvalidLanguage);
}
