using System.Text.Json.Serialization;
using AskVideo.Application.Common.Validation;

namespace AskVideo.Api.Http;

/// <summary>
/// One entry of a validation problem's <c>fieldErrors</c>: a <see cref="FieldErrorCode"/> for programs and translations,
/// the English message (the same as in <c>errors</c>), and the code's parameters when it has any.
/// </summary>
public sealed record FieldErrorDto(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object>? Params)
{
    public static Dictionary<string, FieldErrorDto[]> From(IReadOnlyDictionary<string, FieldError[]> errors) =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(e => new FieldErrorDto(e.Code.Value, e.Message, e.Params)).ToArray());
}
