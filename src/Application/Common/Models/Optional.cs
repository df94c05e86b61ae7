namespace AskVideo.Application.Common.Models;

/// <summary>
/// A PATCH field: absent (leave unchanged), present with a value, or present as null (clear it).
/// The API's JSON converter sets <see cref="IsSet"/> only when the property appears in the body.
/// </summary>
public readonly record struct Optional<T>(bool IsSet, T Value);
