using AskVideo.Application.Common.Exceptions;
using AskVideo.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace AskVideo.Application.Common.Validation;

/// <summary>Turns FluentValidation failures into <see cref="FieldError"/>s and lets custom rules name their code.</summary>
public static class FieldErrors
{
    /// <summary>The codes FluentValidation gives its built-in validators (their class names), and what they mean here.</summary>
    public static readonly IReadOnlyDictionary<string, FieldErrorCode> BuiltIn = new Dictionary<string, FieldErrorCode>(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = FieldErrorCode.Required,
        ["NotNullValidator"] = FieldErrorCode.Required,
        ["MaximumLengthValidator"] = FieldErrorCode.TooLong,
        ["MinimumLengthValidator"] = FieldErrorCode.TooShort,
        ["LengthValidator"] = FieldErrorCode.InvalidLength,
        ["ExactLengthValidator"] = FieldErrorCode.InvalidLength,
        ["EmailValidator"] = FieldErrorCode.InvalidEmail,
        ["InclusiveBetweenValidator"] = FieldErrorCode.OutOfRange,
        ["ExclusiveBetweenValidator"] = FieldErrorCode.OutOfRange,
        ["GreaterThanOrEqualValidator"] = FieldErrorCode.BelowMinimum,
        ["GreaterThanValidator"] = FieldErrorCode.BelowMinimum,
        ["LessThanOrEqualValidator"] = FieldErrorCode.AboveMaximum,
        ["LessThanValidator"] = FieldErrorCode.AboveMaximum,
        ["RegularExpressionValidator"] = FieldErrorCode.InvalidFormat,
        ["EnumValidator"] = FieldErrorCode.InvalidChoice,
    };

    /// <summary>Validators that add their failures themselves, each with its own catalogued code (the password policy).</summary>
    public static readonly IReadOnlySet<string> SelfCoded = new HashSet<string>(StringComparer.Ordinal) { "PasswordPolicyValidator" };

    /// <summary>The field code a rule component reports: its own <c>WithErrorCode</c>, else its built-in validator's; null when uncatalogued.</summary>
    public static FieldErrorCode? CodeOf(string? errorCode) =>
        FieldErrorCode.Find(errorCode) ?? (errorCode is not null && BuiltIn.TryGetValue(errorCode, out var code) ? code : null);

    /// <summary>Names the field code of the rule just before (and its parameters).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithFieldCode<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, FieldErrorCode code,
        params (string Name, object Value)[] parameters)
    {
        rule.WithErrorCode(code.Value);
        if (parameters.Length > 0)
        {
            var values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            rule.WithState(_ => values);
        }
        return rule;
    }

    /// <summary>A failure for <c>context.AddFailure</c> in a <c>Custom</c> rule, carrying the error's code and parameters.</summary>
    public static ValidationFailure Failure(string property, FieldError error) =>
        new(property, error.Message) { ErrorCode = error.Code.Value, CustomState = error.Params };

    /// <summary>The exception for a set of failures, grouped by camelCase field name.</summary>
    public static ValidationFailedException ToException(IEnumerable<ValidationFailure> failures) =>
        new(failures
            .GroupBy(f => ToCamelCase(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(From).DistinctBy(e => (e.Code, e.Message)).ToArray()));

    public static FieldError From(ValidationFailure failure)
    {
        var code = CodeOf(failure.ErrorCode) ?? FieldErrorCode.Invalid;
        if (failure.CustomState is IReadOnlyDictionary<string, object> state)
            return new FieldError(code, failure.ErrorMessage, state);
        var placeholders = failure.FormattedMessagePlaceholderValues ?? new Dictionary<string, object>();
        object? Value(string name) => placeholders.TryGetValue(name, out var v) ? v : null;
        return failure.ErrorCode switch
        {
            "MaximumLengthValidator" => new FieldError(code, failure.ErrorMessage, Params(("max", Value("MaxLength")))),
            "MinimumLengthValidator" => new FieldError(code, failure.ErrorMessage, Params(("min", Value("MinLength")))),
            "LengthValidator" or "ExactLengthValidator" => new FieldError(code, failure.ErrorMessage, Params(("min", Value("MinLength")), ("max", Value("MaxLength")))),
            "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => new FieldError(code, failure.ErrorMessage, Params(("min", Value("From")), ("max", Value("To")))),
            "GreaterThanOrEqualValidator" => new FieldError(code, failure.ErrorMessage, Params(("min", Value("ComparisonValue")))),
            "GreaterThanValidator" => new FieldError(code, failure.ErrorMessage, Params(("min", Step(Value("ComparisonValue"), 1)))),
            "LessThanOrEqualValidator" => new FieldError(code, failure.ErrorMessage, Params(("max", Value("ComparisonValue")))),
            "LessThanValidator" => new FieldError(code, failure.ErrorMessage, Params(("max", Step(Value("ComparisonValue"), -1)))),
            _ => new FieldError(code, failure.ErrorMessage),
        };
    }

    /// <summary>The first integer above (or below) an exclusive integral bound; other values are kept as they are.</summary>
    private static object? Step(object? bound, int by) => bound switch
    {
        int i => i + by,
        long l => l + by,
        _ => bound,
    };

    private static Dictionary<string, object>? Params(params (string Name, object? Value)[] values)
    {
        var present = values.Where(v => v.Value is not null && IsParamValue(v.Value)).ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);
        return present.Count == 0 ? null : present;
    }

    private static bool IsParamValue(object value) => value is string or int or long or double or decimal or float or short;

    public static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>Formats a list of allowed values for the <c>allowed</c> parameter.</summary>
    public static string Allowed(IEnumerable<string> values) => string.Join(", ", values);
}
