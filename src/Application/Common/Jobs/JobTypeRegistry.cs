using System.Reflection;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Application.Common.Jobs;

/// <summary>
/// Maps stable job type names ("ProcessVideo") to their request types and back. The names come from
/// <see cref="JobNameAttribute"/>, never from CLR type names, so renaming a record cannot strand stored rows. It also
/// owns the payload format of a job row (the job record as JSON), written by the queue and read by the executor.
/// </summary>
public sealed class JobTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    private JobTypeRegistry(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            var name = type.GetCustomAttribute<JobNameAttribute>()?.Name;
            if (string.IsNullOrWhiteSpace(name))
                throw new InvalidOperationException($"Background job {type.FullName} has no [JobName(\"…\")]: give it a stable name.");
            if (_byName.TryGetValue(name, out var other))
                throw new InvalidOperationException($"Background jobs {other.FullName} and {type.FullName} share the name '{name}'.");
            _byName.Add(name, type);
            _byType.Add(type, name);
        }
    }

    public static JobTypeRegistry FromAssembly(Assembly assembly) => FromAssemblies([assembly]);

    public static JobTypeRegistry FromAssemblies(IEnumerable<Assembly> assemblies) =>
        FromTypes(assemblies.SelectMany(a => a.GetTypes()));

    /// <summary>Registers the concrete <see cref="IBackgroundJob"/> types among <paramref name="types"/>.</summary>
    public static JobTypeRegistry FromTypes(IEnumerable<Type> types) =>
        new(types.Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBackgroundJob).IsAssignableFrom(t)).Distinct());

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public string NameOf(IBackgroundJob job) => NameOf(job.GetType());

    public string NameOf(Type jobType) => _byType.TryGetValue(jobType, out var name)
        ? name
        : throw new InvalidOperationException($"{jobType.Name} is not a registered background job.");

    public Type? TypeOf(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The payload format of every job row: the job record as JSON (web defaults).</summary>
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>The payload of a row holding <paramref name="job"/>.</summary>
    public static string Payload(IBackgroundJob job) => JsonSerializer.Serialize(job, job.GetType(), PayloadJson);

    /// <summary>
    /// The job a row of <paramref name="type"/> holds. A row that cannot be read (an unknown type, an empty or
    /// malformed payload) throws <see cref="FormatException"/> saying which; running it again cannot help.
    /// </summary>
    public IBackgroundJob Read(string type, string payload)
    {
        var jobType = TypeOf(type) ?? throw new FormatException($"Unknown job type '{type}'.");
        try
        {
            return JsonSerializer.Deserialize(payload, jobType, PayloadJson) as IBackgroundJob
                ?? throw new FormatException("The job payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The job payload is malformed.", ex);
        }
    }

    /// <summary>The job a row of <paramref name="type"/> holds; null when it cannot be read (see <see cref="Read"/>).</summary>
    public IBackgroundJob? TryRead(string type, string payload)
    {
        try
        {
            return Read(type, payload);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
