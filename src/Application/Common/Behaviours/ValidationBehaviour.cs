using System.Reflection;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and reports all failures at once (400 with an errors map).</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Text properties of the request, checked for NUL characters, which PostgreSQL cannot store in text.
    private static readonly PropertyInfo[] TextProperties = typeof(TRequest).GetProperties()
        .Where(p => p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType) || p.PropertyType == typeof(Optional<string?>))
        .ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        foreach (var property in TextProperties)
        {
            var value = property.GetValue(request);
            var texts = value switch
            {
                string text => new[] { text },
                Optional<string?> optional => optional.Value is null ? [] : new[] { optional.Value },
                IEnumerable<string> list => list.ToArray(),
                _ => [],
            };
            if (texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)))
                throw ValidationFailedException.For(FieldErrors.ToCamelCase(property.Name), FieldErrorCode.InvalidCharacters, "Text must not contain NUL characters.");
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw FieldErrors.ToException(failures);
        return await next();
    }
}
