using System.Reflection;

namespace AskVideo.Domain.Common;

/// <summary>
/// A closed list of string codes: each code is a <c>public static readonly</c> field of the derived type, whose
/// constructor is private, so no code exists outside the list. <see cref="All"/> enumerates the fields (in declaration
/// order) for the OpenAPI document and the tests; equality is by the wire form.
/// </summary>
public abstract class CodeCatalog<TSelf> : IEquatable<TSelf>
    where TSelf : CodeCatalog<TSelf>
{
    private static readonly Lazy<IReadOnlyList<TSelf>> AllCodes = new(() => typeof(TSelf)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(TSelf))
        .Select(f => (TSelf)f.GetValue(null)!)
        .ToArray());

    private static readonly Lazy<Dictionary<string, TSelf>> ByValue = new(() => All.ToDictionary(c => c.Value, StringComparer.Ordinal));

    protected CodeCatalog(string value) => Value = value;

    /// <summary>The wire form, snake_case.</summary>
    public string Value { get; }

    /// <summary>Every code, in declaration order.</summary>
    public static IReadOnlyList<TSelf> All => AllCodes.Value;

    /// <summary>The catalogued code with this wire form, or null.</summary>
    public static TSelf? Find(string? value) => value is not null && ByValue.Value.TryGetValue(value, out var code) ? code : null;

    public bool Equals(TSelf? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TSelf other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(CodeCatalog<TSelf>? left, CodeCatalog<TSelf>? right) => left?.Equals(right as TSelf) ?? right is null;

    public static bool operator !=(CodeCatalog<TSelf>? left, CodeCatalog<TSelf>? right) => !(left == right);
}
