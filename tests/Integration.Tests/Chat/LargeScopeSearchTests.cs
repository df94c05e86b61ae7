using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.AI;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Persistence.Search;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskVideo.Integration.Tests.Chat;

/// <summary>
/// The two shortcuts hybrid search takes on large scopes, which the small scopes of the other tests never reach: above
/// <see cref="HybridSceneSearch.ExactBelow"/> scenes the vector ranking re-ranks only the nearest by sign bits, and
/// when more than <see cref="HybridSceneSearch.TextRerank"/> scenes match a question's words only those with the most,
/// rarest, words are ranked by ts_rank_cd. Both must still find the scene that answers.
/// </summary>
public class LargeScopeSearchTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const int Dimensions = 384;

    private sealed record SeedScene(string Text, float[] Vector);

    [Fact]
    public async Task Search_ShouldRankTheNearestSceneFirst_WhenTheScopeIsAboveTheExactScanLimit()
    {
        // Arrange: more scenes than are scanned exactly, with random directions; the question's vector is one scene's
        // own, slightly moved, and its words match nothing.
        var random = new Random(12);
        var scenes = Enumerable.Range(0, HybridSceneSearch.ExactBelow + 200)
            .Select(i => new SeedScene($"Scene {i} says nothing in particular.", RandomUnit(random)))
            .ToList();
        const int target = 1234;
        var question = scenes[target].Vector.Select(x => x + (float)(random.NextDouble() - 0.5) * 0.01f).ToArray();

        // Act
        var (top, ids) = await SearchAsync(scenes, "qwzxv", question);

        // Assert
        Assert.Equal(ids[target], top[0].SceneId);
    }

    [Fact]
    public async Task Search_ShouldRankTheSceneWithTheRareQuestionWord_WhenMoreScenesMatchThanAreRanked()
    {
        // Arrange: 600 scenes mention the river once, one also mentions the heron: more full-text matches than are
        // ranked. The question's vector points at 400 unrelated scenes, so the vector ranking never offers a river
        // scene or the heron's, and the question is too long for the trigram ranking: only the full-text ranking can
        // find the heron, and only if the heron's scene is among the matches it ranks.
        var random = new Random(34);
        var unrelated = RandomUnit(random);
        var riverDirection = RandomUnit(random);
        var scenes = new List<SeedScene>();
        for (var i = 0; i < 400; i++) scenes.Add(new SeedScene($"Meeting notes {i}: the budget was approved without changes.", Nudge(unrelated, random)));
        for (var i = 0; i < 600; i++) scenes.Add(new SeedScene($"Walk {i}: the path follows the river past the old mill.", Nudge(riverDirection, random)));
        var heron = random.Next(400, 1000);
        scenes.Insert(heron, new SeedScene("A grey heron waited motionless on a stone in the river.", Nudge(riverDirection, random)));
        Assert.True(scenes.Count(s => s.Text.Contains("river", StringComparison.Ordinal)) > HybridSceneSearch.TextRerank);

        // Act
        var (top, ids) = await SearchAsync(scenes, "Could you tell me where exactly the heron was waiting by the river?", unrelated);

        // Assert: the heron ranks first in full text (two question words, one of them rare), level with the best
        // vector match in the fused ranking.
        Assert.Contains(ids[heron], top.Take(2).Select(s => s.SceneId));
    }

    /// <summary>Seeds <paramref name="scenes"/> as one video's in a database of their own, and searches them.</summary>
    private static async Task<(IReadOnlyList<RetrievedScene> Top, List<Guid> Ids)> SearchAsync(List<SeedScene> scenes, string text, float[] vector)
    {
        var database = "askvideo_scope_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = await ApiFixture.MigratedDataSourceAsync(database);
            var embedder = new HashingEmbedder(Dimensions);
            var index = new EmbeddingIndex(dataSource, embedder, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            await index.EnsureReadyAsync(CancellationToken.None);
            var (owner, video, ids) = await SceneRows.SeedVideoAsync(dataSource, scenes.Select(s => (s.Text, s.Vector)).ToList(), embedder.ModelId);

            var search = new HybridSceneSearch(new StatelessReadPool(dataSource), ReadRouting.PrimaryOnly(), index);
            var top = await search.SearchAsync(new SceneQuery(owner, [video], text, vector, 5), CancellationToken.None);
            return (top, ids);
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    private static float[] RandomUnit(Random random) => Normalize(Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray());

    /// <summary>A direction near <paramref name="direction"/>: scenes of one topic lie close together, as real embeddings do.</summary>
    private static float[] Nudge(float[] direction, Random random) =>
        Normalize(direction.Select(x => x + (float)(random.NextDouble() * 2 - 1) * 0.05f).ToArray());

    private static float[] Normalize(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / length).ToArray();
    }
}
