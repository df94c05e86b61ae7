namespace AskVideo.Domain.Common;

/// <summary>A rule of the domain was broken. <see cref="Code"/> is a stable, machine-readable reason from the catalog.</summary>
public class DomainException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
