using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AskVideo.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>One measurement an instrument recorded, with its tags.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// The app's instruments on a meter of their own (a fresh <see cref="AppMetrics"/>), and everything recorded on it
/// while this recorder lives: a MeterListener that listens to that meter instance only, so measurements of the shared
/// host (or of other tests) never mix in.
/// </summary>
public sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public RecordedMetrics()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Metrics = new AppMetrics(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Metrics.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public AppMetrics Metrics { get; }

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
