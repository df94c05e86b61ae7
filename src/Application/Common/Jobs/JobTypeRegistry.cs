using System.Reflection;
using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Application.Common.Jobs;

/// <summary>Maps stable job type names ("ProcessVideo") to their request types and back.</summary>
public sealed class JobTypeRegistry
{
    private readonly Dictionary<string, Type> _byName;
    private readonly Dictionary<Type, string> _byType;

    private JobTypeRegistry(IEnumerable<Type> types)
    {
        _byType = types.ToDictionary(t => t, NameOf);
        _byName = _byType.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    public static JobTypeRegistry FromAssembly(Assembly assembly) => FromAssemblies([assembly]);

    public static JobTypeRegistry FromAssemblies(IEnumerable<Assembly> assemblies) =>
        new(assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBackgroundJob).IsAssignableFrom(t)));

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public string NameOf(IBackgroundJob job) => _byType.TryGetValue(job.GetType(), out var name)
        ? name
        : throw new InvalidOperationException($"{job.GetType().Name} is not a registered background job.");

    public Type? TypeOf(string name) => _byName.GetValueOrDefault(name);

    private static string NameOf(Type type) => type.Name.EndsWith("Job", StringComparison.Ordinal) ? type.Name[..^3] : type.Name;
}
