using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.AI;
using AskVideo.Infrastructure.Media;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.AI;

/// <summary>The chunked transcriber (real ffmpeg, real OpenAI SDK) against the fake server's silence-based "speech recognition".</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenAiTranscriberTests
{
    private const double ChunkSeconds = 5;
    private const double Tolerance = 0.4;

    private readonly FakeOpenAi _openAi;

    public OpenAiTranscriberTests(ApiFixture fixture)
    {
        _openAi = fixture.OpenAi;
        _openAi.Reset();
    }

    private static readonly RecordedMetrics Unrecorded = new();

    private static OpenAiTranscriber Create(int concurrency = 3, int attempts = 2, RecordedMetrics? metrics = null) =>
        new(Options.Create(new AiOptions
        {
            TranscriptionProvider = "openai",
            OpenAI = new OpenAiSettings { BaseUrl = FakeOpenAi.BaseUrl, ApiKey = FakeOpenAi.ValidKey },
            Transcription = new TranscriptionSettings
            {
                ChunkSeconds = (int)ChunkSeconds, OverlapSeconds = 1, Concurrency = concurrency, AttemptsPerChunk = attempts,
            },
        }), new FfmpegRunner(Options.Create(new MediaOptions())), NullLogger<OpenAiTranscriber>.Instance, (metrics ?? Unrecorded).Metrics, TimeProvider.System);

    [Fact]
    public async Task TranscribeAsync_ShouldReturnEverySentenceOnceAtItsTime_WhenTheAudioSpansSeveralChunks()
    {
        // Arrange
        var clip = await SpokenClip.GetAsync();
        var transcriber = Create();
        var progress = new ProgressLog();

        // Act
        var result = await transcriber.TranscribeAsync(clip.Path, clip.DurationSeconds, null, null, progress, CancellationToken.None);

        // Assert
        var expectedChunks = (int)Math.Ceiling(clip.DurationSeconds / ChunkSeconds);
        Assert.True(expectedChunks >= 3, $"the clip should need several chunks, not {expectedChunks}");
        Assert.Equal(expectedChunks, _openAi.TranscriptionAudioSeconds.Count);
        Assert.All(_openAi.TranscriptionAudioSeconds, seconds => Assert.True(seconds <= ChunkSeconds + 2 + 0.2, $"chunk of {seconds} s"));
        Assert.Equal(clip.SentenceStarts.Count, result.Lines.Count);
        Assert.Equal(result.Lines.OrderBy(l => l.StartMs).ToList(), result.Lines);
        for (var i = 0; i < clip.SentenceStarts.Count; i++)
        {
            var actual = result.Lines[i].StartMs / 1000.0;
            Assert.True(Math.Abs(actual - clip.SentenceStarts[i]) <= Tolerance,
                $"sentence {i + 1} starts at {clip.SentenceStarts[i]:0.00} s but the line starts at {actual:0.00} s");
            Assert.StartsWith("Speech from", result.Lines[i].Text, StringComparison.Ordinal);
        }
        Assert.Equal("en", result.Language);
        Assert.Equal(1.0, progress.Values.Max(), 6);
    }

    [Fact]
    public async Task TranscribeAsync_ShouldUseTheLanguageHint_WhenOneIsGiven()
    {
        // Arrange
        var clip = await SpokenClip.GetAsync();

        // Act
        var result = await Create().TranscribeAsync(clip.Path, clip.DurationSeconds, "ja-JP", null, new ProgressLog(), CancellationToken.None);

        // Assert
        Assert.Equal("ja", result.Language);
    }

    [Fact]
    public async Task TranscribeAsync_ShouldRetryTheChunk_AndRecordEveryRequest_WhenOneRequestFailsTransiently()
    {
        // Arrange
        var clip = await SpokenClip.GetAsync();
        _openAi.FailNextTranscriptions(1);
        using var recorded = new RecordedMetrics();

        // Act
        var result = await Create(metrics: recorded).TranscribeAsync(clip.Path, clip.DurationSeconds, null, null, new ProgressLog(), CancellationToken.None);

        // Assert
        Assert.Equal(clip.SentenceStarts.Count, result.Lines.Count);
        var requests = _openAi.Requests.Count(r => r.Path == "/v1/audio/transcriptions");
        Assert.Equal((int)Math.Ceiling(clip.DurationSeconds / ChunkSeconds) + 1, requests);
        // Metrics: one duration sample per request, the failed one tagged error and counted by its code.
        var durations = recorded.Of("askvideo.ai.request.duration");
        Assert.Equal(requests, durations.Count);
        Assert.All(durations, d => Assert.Equal(("transcription", "whisper-1"), (d.Tag("ai.operation"), d.Tag("ai.model"))));
        Assert.Equal(requests - 1, durations.Count(d => d.Tag("outcome") == "ok"));
        Assert.All(durations, d => Assert.InRange(d.Value, 0.0001, 60));
        var error = Assert.Single(recorded.Of("askvideo.ai.errors"));
        Assert.Equal(("transcription", "ai_unavailable", 1.0), (error.Tag("ai.operation"), error.Tag("error.type"), error.Value));
        // The tokens each successful answer reported (the fake: ten input tokens a second of audio, a token a word out).
        var tokens = recorded.Of("askvideo.ai.tokens");
        Assert.Equal(requests - 1, tokens.Count(t => t.Tag("token.type") == "input"));
        Assert.Equal(requests - 1, tokens.Count(t => t.Tag("token.type") == "output"));
        Assert.InRange(tokens.Where(t => t.Tag("token.type") == "input").Sum(t => t.Value), clip.DurationSeconds * 10, clip.DurationSeconds * 10 + 20 * requests);
    }

    [Fact]
    public async Task TranscribeAsync_ShouldFailTransientlyNamingTheChunk_WhenAChunkFailsOnEveryAttempt()
    {
        // Arrange: one chunk at a time, so both failures hit the first chunk.
        var clip = await SpokenClip.GetAsync();
        _openAi.FailNextTranscriptions(2);

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(() =>
            Create(concurrency: 1, attempts: 2).TranscribeAsync(clip.Path, clip.DurationSeconds, null, null, new ProgressLog(), CancellationToken.None));

        // Assert
        Assert.Equal("transcription_failed", error.Code.Value);
        Assert.True(error.Transient);
        Assert.Contains("part 1 of", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(clip.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _openAi.Requests.Count(r => r.Path == "/v1/audio/transcriptions"));
    }

    [Fact]
    public async Task TranscribeAsync_ShouldFailWithANonTransientInvalidKey_WhenTheProviderRejectsTheKey()
    {
        // Arrange
        var clip = await SpokenClip.GetAsync();

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(() =>
            Create().TranscribeAsync(clip.Path, clip.DurationSeconds, null, "sk-wrong-key", new ProgressLog(), CancellationToken.None));

        // Assert
        Assert.Equal("invalid_openai_key", error.Code.Value);
        Assert.False(error.Transient);
    }

    [Fact]
    public void IsAvailable_ShouldDependOnProviderAndKey_WhenAskedWithOrWithoutAUserKey()
    {
        // Arrange
        var withServerKey = Create();
        var withoutServerKey = new OpenAiTranscriber(Options.Create(new AiOptions { TranscriptionProvider = "openai" }),
            new FfmpegRunner(Options.Create(new MediaOptions())), NullLogger<OpenAiTranscriber>.Instance, Unrecorded.Metrics, TimeProvider.System);

        // Act + Assert
        Assert.True(withServerKey.IsAvailable(null));
        Assert.False(withoutServerKey.IsAvailable(null));
        Assert.False(withoutServerKey.IsAvailable(" "));
        Assert.True(withoutServerKey.IsAvailable("sk-user"));
        Assert.False(new NoTranscriber().IsAvailable("sk-user"));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class ProgressLog : IProgress<double>
    {
        private readonly List<double> _values = [];

        public IReadOnlyList<double> Values
        {
            get
            {
                lock (_values) return _values.ToList();
            }
        }

        public void Report(double value)
        {
            lock (_values) _values.Add(value);
        }
    }
}
