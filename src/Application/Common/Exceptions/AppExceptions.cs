using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;

namespace AskVideo.Application.Common.Exceptions;

/// <summary>
/// The base of every error the application raises on purpose. Each maps to one problem+json status in the API;
/// <see cref="Code"/> is a stable, machine-readable reason for clients, always one of the catalog in <see cref="ErrorCode"/>.
/// </summary>
public abstract class AppException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}

/// <summary>
/// One or more fields are invalid. <see cref="FieldErrors"/> holds a machine-readable <see cref="FieldErrorCode"/> per
/// failure (sent as <c>fieldErrors</c>); <see cref="Errors"/> is the same as English messages (sent as <c>errors</c>).
/// </summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, FieldError[]> fieldErrors)
    : AppException(ErrorCode.ValidationFailed, "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, FieldError[]> FieldErrors { get; } = fieldErrors;

    /// <summary>The messages by field, for integrators that only read <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } =
        fieldErrors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(e => e.Message).Distinct().ToArray());

    public static ValidationFailedException For(string field, FieldError error) =>
        new(new Dictionary<string, FieldError[]> { [field] = [error] });

    public static ValidationFailedException For(string field, FieldErrorCode code, string message) =>
        For(field, new FieldError(code, message));
}

public sealed class NotFoundException(string resource, string? message = null)
    : AppException(ErrorCode.NotFound, message ?? $"The {resource} was not found.")
{
    public string Resource { get; } = resource;
}

public sealed class UnauthenticatedException(string message = "Sign in to continue.")
    : AppException(ErrorCode.Unauthenticated, message);

public sealed class ForbiddenException(ErrorCode code, string message) : AppException(code, message);

public sealed class ConflictException(ErrorCode code, string message) : AppException(code, message);

public sealed class PayloadTooLargeException(ErrorCode code, string message, long limitBytes) : AppException(code, message)
{
    public PayloadTooLargeException(long limitBytes)
        : this(ErrorCode.FileTooLarge, $"The file is larger than your upload limit of {limitBytes} bytes.", limitBytes)
    {
    }

    public long LimitBytes { get; } = limitBytes;
}

public sealed class UnprocessableException(ErrorCode code, string message) : AppException(code, message);

public sealed class RateLimitedException(TimeSpan retryAfter, string message = "Too many requests. Try again later.", ErrorCode? code = null)
    : AppException(code ?? ErrorCode.RateLimited, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>An upstream (AI provider, storage) failed. <see cref="Transient"/> tells whether retrying may help.</summary>
public sealed class UpstreamException(ErrorCode code, string message, bool transient, TimeSpan? retryAfter = null)
    : AppException(code, message)
{
    public bool Transient { get; } = transient;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The request body has the wrong content type for this endpoint (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : AppException(ErrorCode.UnsupportedMediaType, message);
