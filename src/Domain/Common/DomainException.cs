namespace AskVideo.Domain.Common;

/// <summary>A rule of the domain was broken. <see cref="Code"/> is a stable, machine-readable reason.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
