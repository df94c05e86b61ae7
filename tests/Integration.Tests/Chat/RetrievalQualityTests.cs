using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.AI;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Persistence.Search;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AskVideo.Integration.Tests.Chat;

/// <summary>
/// Does hybrid retrieval find the right moment for questions worded differently from the transcript? Six distinct
/// topics spoken as scenes of one video; each question is a paraphrase. Measured for the offline embedders side by side.
/// </summary>
public class RetrievalQualityTests(ApiFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private static readonly string[] Scenes =
    [
        "Our grandmother's kitchen smelled of cinnamon. She kneaded the dough every morning, let it rise under a cloth and baked loaves of rye bread in the old stone oven.",
        "The volcano on the island erupted last spring. Ash covered the villages, lava flowed down the eastern slope and the harbour was closed for three weeks.",
        "To reset the router, hold the small button on the back for ten seconds until the lights blink, then wait two minutes for the connection to come back.",
        "The goalkeeper dived to the left and caught the penalty in the final minute, and the crowd in the stadium cheered as the team won the championship.",
        "Photosynthesis lets plants turn sunlight, water and carbon dioxide into sugar and oxygen inside the chloroplasts of their leaves.",
        "The invoice is due within thirty days. Late payments are charged two percent interest per month, and the contract can be cancelled with written notice.",
        // Distractors, so that a random top three would be right one time in six, not one in two.
        "The museum opens a new exhibition of medieval maps and navigation instruments next month.",
        "Our cat sleeps on the windowsill most of the afternoon and chases moths at night.",
        "The choir rehearsed the new hymn twice before the Sunday service in the cathedral.",
        "Train tickets are cheaper when booked three weeks ahead, especially on weekday mornings.",
        "The hikers followed the ridge trail and camped beside a quiet alpine lake.",
        "A good essay states its argument early and supports each paragraph with evidence.",
        "The tailor shortened the sleeves and took in the waist of the wedding suit.",
        "Dolphins communicate with clicks and whistles and hunt together in groups.",
        "The city council approved a new bicycle lane along the river promenade.",
        "Chess openings such as the Sicilian Defence aim to control the centre quickly.",
        "The violin was made in the eighteenth century from spruce and maple wood.",
        "Knitting a scarf takes about a week for a beginner using thick wool.",
    ];

    private static readonly (string Question, int Scene)[] Questions =
    [
        ("How did grandma make her loaves?", 0),
        ("Which baked goods came out of the oven each day?", 0),
        ("What happened when the mountain exploded?", 1),
        ("Why could ships not use the port?", 1),
        ("My internet connection is broken, how do I restart the network box?", 2),
        ("How long should I press the button on the device?", 2),
        ("Who saved the spot kick at the end of the match?", 3),
        ("How did the side win the title?", 3),
        ("How do green plants produce food from light?", 4),
        ("What gas do leaves give off?", 4),
        ("What is the penalty for paying the bill late?", 5),
        ("How can the agreement be terminated?", 5),
    ];

    [Theory]
    [InlineData("local", 0.9)]
    [InlineData("hashing", 0.25)]
    public async Task HybridSearch_ShouldRankTheRightSceneInTheTopThree_ForParaphrasedQuestions(string embedderName, double required)
    {
        var database = "askvideo_quality_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        var embedder = embedderName == "local" ? (IEmbedder)new LocalEmbedder(NullLogger<LocalEmbedder>.Instance) : new HashingEmbedder(384);
        try
        {
            await using var dataSource = await ApiFixture.MigratedDataSourceAsync(database);
            var index = new EmbeddingIndex(dataSource, embedder, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            await index.EnsureReadyAsync(CancellationToken.None);
            var vectors = await embedder.EmbedAsync(Scenes, null, CancellationToken.None);
            var (owner, video, ids) = await SceneRows.SeedVideoAsync(dataSource, Scenes.Zip(vectors).ToList(), embedder.ModelId);
            var search = new HybridSceneSearch(new StatelessReadPool(dataSource), ReadRouting.PrimaryOnly(), index);

            var hits = 0;
            foreach (var (question, expected) in Questions)
            {
                var vector = (await embedder.EmbedAsync([question], null, CancellationToken.None))[0];
                var top = await search.SearchAsync(new SceneQuery(owner, [video], question, vector, 3), CancellationToken.None);
                var found = top.Any(s => s.SceneId == ids[expected]);
                hits += found ? 1 : 0;
                output.WriteLine($"{embedderName}: {(found ? "hit " : "MISS")} {question}");
            }

            var accuracy = (double)hits / Questions.Length;
            output.WriteLine($"{embedderName}: top-3 accuracy {accuracy:P0} ({hits}/{Questions.Length})");
            Assert.True(accuracy >= required, $"{embedderName}: top-3 accuracy {accuracy:P0} is below {required:P0}");
        }
        finally
        {
            (embedder as IDisposable)?.Dispose();
            await ApiFixture.DropDatabaseAsync(database);
        }
    }
}
