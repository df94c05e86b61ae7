using AskVideo.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Validators;

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

    /// <summary>The password policy (<see cref="PasswordPolicy"/>): each problem is a failure with its own field code.</summary>
    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule, Func<T, string?> username, Func<T, string?> email) =>
        rule.SetValidator(new PasswordPolicyValidator<T>(username, email));
}

/// <summary>Reports every problem of the password policy with its code; named in <see cref="FieldErrors.SelfCoded"/>.</summary>
internal sealed class PasswordPolicyValidator<T>(Func<T, string?> username, Func<T, string?> email) : PropertyValidator<T, string>
{
    public override string Name => nameof(PasswordPolicyValidator<T>);

    public override bool IsValid(ValidationContext<T> context, string value)
    {
        foreach (var problem in PasswordPolicy.Problems(value, username(context.InstanceToValidate), email(context.InstanceToValidate)))
            context.AddFailure(FieldErrors.Failure(context.PropertyPath, problem));
        return true;
    }
}
