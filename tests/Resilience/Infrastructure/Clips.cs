using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>
/// The suite's videos: spoken clips (espeak-ng + ffmpeg, made once and cached) with a subtitle track, so the pipeline
/// needs no AI: probe, subtitles, thumbnail, scenes and embeddings (the lexical embedder) all run for real.
/// </summary>
public static class Clips
{
    public static readonly string[][] Scripts =
    [
        [
            "The old lighthouse keeper polished the great lens every evening.",
            "Ships passing the rocky cape relied on its steady beam.",
            "One winter a storm broke three windows in the tower.",
            "He carried glass panes up two hundred narrow stairs.",
            "By midnight the light was burning again over the waves.",
            "The harbour master sent him a letter of thanks.",
            "Today the lighthouse is a small museum about the sea.",
        ],
        [
            "Our garden club planted tomatoes along the southern fence.",
            "Each plant needed a wooden stake and plenty of water.",
            "Aphids arrived in June and covered the young leaves.",
            "We released ladybirds that ate the pests within a week.",
            "By August the vines were heavy with red fruit.",
            "Neighbours came to trade beans, peppers and squash.",
            "The club now keeps seeds for the next spring.",
            "Compost from the kitchen feeds the soil every autumn.",
        ],
        [
            "The orchestra tuned their instruments before the concert.",
            "A young violinist played the opening solo from memory.",
            "The conductor raised his baton and the brass section answered.",
            "During the slow movement the hall was perfectly quiet.",
            "A cellist broke a string but kept playing calmly.",
            "The audience stood and applauded for five minutes.",
        ],
        [
            "Engineers tested the electric bus on a steep mountain road.",
            "The battery kept its charge better than anyone expected.",
            "Regenerative brakes recovered energy on every descent.",
            "Passengers noticed how quiet the ride had become.",
            "The city ordered forty buses for the next year.",
            "Charging stations will be built at both depots.",
            "Drivers received a week of training on the new controls.",
            "Diesel fuel costs are expected to fall by half.",
            "The first route opens in the spring.",
        ],
    ];

    public static async Task<IReadOnlyList<SpokenClip>> AllAsync()
    {
        var clips = new List<SpokenClip>();
        for (var i = 0; i < Scripts.Length; i++) clips.Add(await SpokenClip.MakeAsync($"resilience{i}", Scripts[i], withSubtitleTrack: true));
        return clips;
    }

    /// <summary>The scenes of a video, in order.</summary>
    public static Task<List<string>> ScenesAsync(Deployment deployment, Guid videoId) =>
        deployment.QueryAsync("SELECT text FROM scenes WHERE video_id = @id ORDER BY position", r => r.GetString(0), ("id", videoId));

    /// <summary>Every video's scenes say exactly its clip's script, once, in order.</summary>
    public static async Task AssertScenesAsync(Deployment deployment, IReadOnlyDictionary<Guid, int> scriptOf)
    {
        foreach (var (videoId, script) in scriptOf)
            Assert.Equal(string.Join(' ', Scripts[script]), string.Join(' ', await ScenesAsync(deployment, videoId)));
    }
}
