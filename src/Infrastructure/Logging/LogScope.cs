using System.Collections;

namespace AskVideo.Infrastructure.Logging;

/// <summary>A logging scope of named values that also prints readably ("RequestId:abc") in text formats.</summary>
public sealed class LogScope(params (string Key, object? Value)[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values = values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)).ToArray();

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _values.Select(v => $"{v.Key}:{v.Value}"));
}
