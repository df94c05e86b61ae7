using System.Reflection;
using AskVideo.Application.Common.Behaviours;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using MediatR;

namespace AskVideo.Application.UnitTests;

/// <summary>
/// Every rule of every validator in the Application reports a field code of the catalog (<see cref="FieldErrorCode"/>),
/// so the client can translate every field error instead of showing the server's English sentence.
/// </summary>
public class FieldErrorCatalogTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    public static IReadOnlyList<IValidator> Validators() => Application.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
        .Select(t => (IValidator)Activator.CreateInstance(t, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null,
            t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single().GetParameters()
                .Select(p => p.ParameterType == typeof(TimeProvider) ? TimeProvider.System : throw new InvalidOperationException($"{t.Name} needs a {p.ParameterType.Name}."))
                .ToArray<object?>(), null)!)
        .ToList();

    /// <summary>Each rule component with the code it reports, walking into child rules (ChildRules, ForEach, SetValidator).</summary>
    private static IEnumerable<(string Where, string? Code)> Components(IValidator validator, string path)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            foreach (var component in rule.Components)
            {
                var where = $"{path}.{rule.PropertyName ?? "(root)"}: {component.Validator.Name}";
                if (component.Validator is IChildValidatorAdaptor)
                {
                    var child = ChildValidator(component.Validator);
                    foreach (var nested in Components(child, $"{path}.{rule.PropertyName}")) yield return nested;
                    continue;
                }
                // The password policy adds its failures itself, each with its code (checked by running it below).
                if (FieldErrors.SelfCoded.Contains(component.Validator.Name)) continue;
                yield return (where, component.ErrorCode ?? component.Validator.Name);
            }
        }
    }

    private static IValidator ChildValidator(IPropertyValidator adaptor)
    {
        var field = adaptor.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .First(f => typeof(IValidator).IsAssignableFrom(f.FieldType));
        return (IValidator)field.GetValue(adaptor)!;
    }

    [Fact]
    public void TheWalk_ShouldFindTheValidatorsAndTheirNestedRules()
    {
        var all = Validators().SelectMany(v => Components(v, v.GetType().Name)).ToList();

        Assert.True(Validators().Count >= 30, $"found only {Validators().Count} validators");
        Assert.Contains(all, c => c.Where.Contains("ReplaceTranscriptValidator.Segments.EndMs", StringComparison.Ordinal));
        Assert.Contains(all, c => c.Where.Contains(".Role", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryValidatorRule_ShouldReportACataloguedFieldCode()
    {
        var uncatalogued = Validators()
            .SelectMany(v => Components(v, v.GetType().Name))
            .Where(c => FieldErrors.CodeOf(c.Code) is null || FieldErrors.CodeOf(c.Code) == FieldErrorCode.Invalid)
            .Select(c => $"{c.Where} reports {c.Code ?? "nothing"}")
            .ToList();

        Assert.True(uncatalogued.Count == 0,
            "Rules without a catalogued field code (add .WithFieldCode(FieldErrorCode.…) or map the validator in FieldErrors.BuiltIn):\n" + string.Join("\n", uncatalogued));
    }

    [Fact]
    public void CustomRules_ShouldReportCataloguedCodes()
    {
        var signUp = Validators().Single(v => v.GetType().Name == "SignUpValidator");
        var command = new Accounts.Auth.SignUpCommand("alice@example.com", "alice", "alice", null);

        var failures = signUp.Validate(new ValidationContext<Accounts.Auth.SignUpCommand>(command)).Errors.Where(f => f.PropertyName == "Password").ToList();

        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.NotNull(FieldErrorCode.Find(f.ErrorCode)));
        Assert.Contains(failures, f => f.ErrorCode == FieldErrorCode.PasswordTooShort.Value);
    }

    [Fact]
    public async Task TheValidationBehaviour_ShouldSendACodeAndParametersPerFailure()
    {
        var behaviour = new ValidationBehaviour<SampleCommand, string>([new SampleCommandValidator()]);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            behaviour.Handle(new SampleCommand("", 42), CancellationToken.None, () => Task.FromResult("ok")));

        var name = Assert.Single(ex.FieldErrors["name"]);
        Assert.Equal(FieldErrorCode.Required, name.Code);
        Assert.Equal("Name is required.", name.Message);
        var count = Assert.Single(ex.FieldErrors["count"]);
        Assert.Equal(FieldErrorCode.OutOfRange, count.Code);
        Assert.Equal(1, count.Params!["min"]);
        Assert.Equal(10, count.Params!["max"]);
        Assert.Equal(["Count must be 1 to 10."], ex.Errors["count"]);
    }

    [Fact]
    public void MaximumLength_ShouldCarryItsLimit()
    {
        var validator = new InlineValidator<SampleCommand>();
        validator.RuleFor(c => c.Name).MaximumLength(3);

        var error = FieldErrors.From(Assert.Single(validator.Validate(new SampleCommand("abcd", 1)).Errors));

        Assert.Equal(FieldErrorCode.TooLong, error.Code);
        Assert.Equal(3, error.Params!["max"]);
    }

    [Fact]
    public void FieldCodes_ShouldBeUniqueAndSnakeCase()
    {
        var values = FieldErrorCode.All.Select(c => c.Value).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Matches("^[a-z]+(_[a-z]+)*$", v));
        Assert.All(FieldErrors.BuiltIn.Values, c => Assert.Contains(c, FieldErrorCode.All));
    }
}
