namespace AskVideo.Application.Common.Exceptions;

/// <summary>
/// The base of every error the application raises on purpose. Each maps to one problem+json status in the API;
/// <see cref="Code"/> is a stable, machine-readable reason for clients.
/// </summary>
public abstract class AppException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : AppException("validation_failed", "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string resource, string? message = null)
    : AppException("not_found", message ?? $"The {resource} was not found.")
{
    public string Resource { get; } = resource;
}

public sealed class UnauthenticatedException(string message = "Sign in to continue.")
    : AppException("unauthenticated", message);

public sealed class ForbiddenException(string code, string message) : AppException(code, message);

public sealed class ConflictException(string code, string message) : AppException(code, message);

public sealed class PayloadTooLargeException(string code, string message, long limitBytes) : AppException(code, message)
{
    public PayloadTooLargeException(long limitBytes)
        : this("file_too_large", $"The file is larger than your upload limit of {limitBytes} bytes.", limitBytes)
    {
    }

    public long LimitBytes { get; } = limitBytes;
}

public sealed class UnprocessableException(string code, string message) : AppException(code, message);

public sealed class RateLimitedException(TimeSpan retryAfter, string message = "Too many requests. Try again later.", string code = "rate_limited")
    : AppException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>An upstream (AI provider, storage) failed. <see cref="Transient"/> tells whether retrying may help.</summary>
public sealed class UpstreamException(string code, string message, bool transient, TimeSpan? retryAfter = null)
    : AppException(code, message)
{
    public bool Transient { get; } = transient;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The request body has the wrong content type for this endpoint (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : AppException("unsupported_media_type", message);
