using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Chat;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AskVideo.Integration.Tests.Processing.ProcessingTests;

namespace AskVideo.Integration.Tests.Chat;

/// <summary>Questions with cited answers over a group of four videos on distinct topics, against the fake OpenAI server.</summary>
public class ChatTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly (string Title, string Vtt)[] Topics =
    [
        ("Bridge inspection", "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nEngineers inspected the old steel bridge over the river.\n\n00:00:01.500 --> 00:00:03.000\nThey found a long crack in a support beam.\n"),
        ("Bakery morning", "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nThe bakery opens at six with fresh bread.\n\n00:00:01.500 --> 00:00:03.000\nCroissants and butter rolls sell out first.\n"),
        ("Comet night", "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nThe telescope revealed a faint comet near the horizon.\n\n00:00:01.500 --> 00:00:03.000\nAstronomers tracked its tail for three nights.\n"),
        ("Fox at dawn", "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA red fox crossed the frozen lake at dawn.\n\n00:00:01.500 --> 00:00:03.000\nIt was hunting mice under the &lt;script&gt;alert(1)&lt;/script&gt; snow.\n"),
    ];

    private sealed record Library(TestUser User, SessionClient Session, Guid GroupId, Dictionary<string, Guid> Videos);

    private async Task<Library> LibraryAsync(string? openAiKey = null, int topics = 4)
    {
        var user = await Fixture.CreateAsync();
        if (openAiKey is not null)
        {
            var protector = Fixture.Services.GetRequiredService<ISecretProtector>();
            await Fixture.SetUserAsync(user.Id, u => u.SetOpenAiKey(protector.Protect(openAiKey, SecretContext.UserAiKey(user.Id)), openAiKey[^4..], DateTimeOffset.UtcNow));
        }
        var session = await Fixture.LoginAsync(user);
        var videos = new Dictionary<string, Guid>();
        foreach (var (title, vtt) in Topics.Take(topics))
        {
            using var form = TestMedia.Upload(await TestMedia.VideoAsync(), null, ("title", title));
            form.Add(new StringContent(vtt), "subtitles", "topic.vtt");
            var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
            videos[title] = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        foreach (var id in videos.Values) await WaitForStatusAsync(session, id, "ready");
        var group = await (await session.PostAsync("/api/v1/groups", new { name = "Field notes", description = "Four short clips" })).ReadJsonAsync();
        var groupId = group.GetProperty("id").GetGuid();
        await session.PostAsync($"/api/v1/groups/{groupId}/videos", new { videoIds = videos.Values.ToArray() });
        return new Library(user, session, groupId, videos);
    }

    private static object Question(params string[] turns) =>
        new { messages = turns.Select((t, i) => new { role = i % 2 == 0 ? "user" : "assistant", content = t }).ToArray() };

    private async Task<ChatLog> LogAsync(Guid id)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChatLogs.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task Ask_ShouldQuoteTheBestScenesWithCitations_WhenNoLanguageModelIsConfigured()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;

        var answer = await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("What did the engineers find on the bridge?"))).ReadJsonAsync();

        Assert.Equal("extractive", answer.GetProperty("model").GetString());
        Assert.Contains("No language model is configured", answer.GetProperty("answer").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(library.Videos["Bridge inspection"], citations[0].GetProperty("videoId").GetGuid());
        Assert.All(citations, c => Assert.Contains($"[{c.GetProperty("n").GetInt32()}]", answer.GetProperty("answer").GetString()));
        var log = await LogAsync(answer.GetProperty("chatLogId").GetGuid());
        Assert.Equal(ChatOrigin.Owner, log.Origin);
        Assert.Equal(library.GroupId, log.GroupId);
    }

    [Fact]
    public async Task Ask_ShouldSayWhyNothingCanBeSearched_WhenTheGroupHasNoVideoOrNoneIsReady()
    {
        // Arrange: a group without videos, then with one video that fails (no subtitles, no speech recognition).
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var groupId = (await (await session.PostAsync("/api/v1/groups", new { name = "Not yet" })).ReadJsonAsync()).GetProperty("id").GetGuid();

        // Act + Assert: an empty group says to add videos, not to ask in other words.
        var empty = await (await session.PostAsync($"/api/v1/groups/{groupId}/chat", Question("What do these videos cover?"))).ReadJsonAsync();
        Assert.Equal("This group has no videos yet. Add videos to it to ask questions about them.", empty.GetProperty("answer").GetString());
        Assert.Empty(empty.GetProperty("citations").EnumerateArray());

        using var form = TestMedia.Upload(await TestMedia.VideoAsync(), null, ("title", "Silent"));
        var videoId = (await (await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await WaitForStatusAsync(session, videoId, "failed");
        await session.PostAsync($"/api/v1/groups/{groupId}/videos", new { videoIds = new[] { videoId } });

        // Act + Assert: a group (or a video) with nothing processed says so, in the asker's language.
        var failed = await (await session.PostAsync($"/api/v1/groups/{groupId}/chat", Question("What do these videos cover?"))).ReadJsonAsync();
        Assert.Equal("None of these videos can be searched yet: they are still being processed, or their processing failed. Ask again once one of them is ready.",
            failed.GetProperty("answer").GetString());
        var video = await (await session.PostAsync($"/api/v1/videos/{videoId}/chat", Question("この動画は何についてですか？"))).ReadJsonAsync();
        Assert.Equal("この動画はまだ検索できません（処理中か、処理に失敗しています）。準備ができてから、もう一度質問してください。", video.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_ShouldRewriteAFollowUp_AndRetrieveWithTheRewrittenQuestion_KeepingOnlyUsedCitations()
    {
        var library = await LibraryAsync(FakeOpenAi.ValidKey);
        using var _ = library.Session;
        Fixture.OpenAi.Reset();

        var first = await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("What did the engineers inspect?"))).ReadJsonAsync();
        var firstAnswer = first.GetProperty("answer").GetString()!;
        var second = await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat",
            Question("What did the engineers inspect?", firstAnswer, "Did they find any damage?"))).ReadJsonAsync();

        // [9] has no scene: the text keeps it, the citations drop it.
        Assert.Contains("[9]", firstAnswer);
        Assert.Equal([1], first.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("n").GetInt32()));
        Assert.Equal(library.Videos["Bridge inspection"], first.GetProperty("citations")[0].GetProperty("videoId").GetGuid());
        Assert.DoesNotContain(Fixture.OpenAi.ChatRequests.Take(1), r => r.System.StartsWith("Rewrite", StringComparison.Ordinal));
        var rewrite = Assert.Single(Fixture.OpenAi.ChatRequests, r => r.System.StartsWith("Rewrite", StringComparison.Ordinal));
        var log = await LogAsync(second.GetProperty("chatLogId").GetGuid());
        Assert.Equal("What did the engineers inspect? Did they find any damage?", log.RewrittenQuestion);
        Assert.Equal("Did they find any damage?", rewrite.LastUser);
        Assert.Equal(library.Videos["Bridge inspection"], second.GetProperty("citations")[0].GetProperty("videoId").GetGuid());
        var answerRequest = Fixture.OpenAi.ChatRequests.Last();
        Assert.Equal(log.RewrittenQuestion, answerRequest.LastUser);
        Assert.Contains("\"Field notes\"", answerRequest.System);
        Assert.Contains("[1] \"Bridge inspection\" 0:00", answerRequest.System);
        Assert.Equal("gpt-4o-mini", second.GetProperty("model").GetString());
        Assert.True(log.PromptTokens > 0 && log.CompletionTokens > 0);
    }

    [Fact]
    public async Task Ask_ShouldStreamCitationsDeltasAndDone_ThroughNginx()
    {
        var library = await LibraryAsync(FakeOpenAi.ValidKey);
        using var _ = library.Session;
        using var viaNginx = new SessionClient(ApiFixture.CreateClient(TestEnvironment.NginxUrl));
        viaNginx.SetCookie("access_token", library.Session.Cookie("access_token")!, "/api");
        viaNginx.SetCookie("csrf_token", library.Session.Cookie("csrf_token")!, "/");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/groups/{library.GroupId}/chat")
        {
            Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = "Tell me about the comet." } }, stream = true }),
        };

        var response = await viaNginx.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ReadEventsAsync(response);
        Assert.Equal("citations", events[0].Name);
        Assert.Equal("done", events[^1].Name);
        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.True(deltas.Count > 3, "the answer arrives in pieces");
        var done = events[^1].Data;
        Assert.Equal(string.Concat(deltas), done.GetProperty("answer").GetString());
        Assert.Equal(library.Videos["Comet night"], done.GetProperty("citations")[0].GetProperty("videoId").GetGuid());
        Assert.True(events[0].Data.GetArrayLength() >= 1);
    }

    internal static async Task<List<(string Name, JsonElement Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<(string, JsonElement)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null) events.Add((name, JsonDocument.Parse(line[6..]).RootElement.Clone()));
        }
        return events;
    }

    [Theory]
    [InlineData(FakeOpenAi.RateLimitedKey, 429, "ai_rate_limited")]
    [InlineData("sk-test-revoked-key-0000", 422, "invalid_openai_key")]
    public async Task Ask_ShouldMapProviderErrors_ToTheDocumentedProblems(string key, int status, string code)
    {
        var library = await LibraryAsync(key);
        using var _ = library.Session;

        var response = await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("What about the bakery?"));

        await ProblemAssert.IsProblemAsync(response, status, code);
        if (status == 429) Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Ask_ShouldRetryAProviderHiccup_ThroughTheResilienceHandler()
    {
        var library = await LibraryAsync(FakeOpenAi.ValidKey);
        using var _ = library.Session;
        Fixture.OpenAi.FailNextChats(1);

        var response = await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("What about the bakery?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Fixture.OpenAi.Requests.Count(r => r.Path == "/v1/chat/completions"));
    }

    [Fact]
    public async Task Ask_ShouldAnswer503WithRetryHint_WhenTheProviderKeepsFailing()
    {
        var library = await LibraryAsync(FakeOpenAi.ValidKey);
        using var _ = library.Session;
        Fixture.OpenAi.FailNextChats(3);

        var response = await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("What about the bakery?"));

        await ProblemAssert.IsProblemAsync(response, 503, "ai_unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Feedback_ShouldBeAllowedToTheOwnerAndTheAskerWithTheToken_Only()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;
        var share = await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/share")).ReadJsonAsync();
        using var guest = ApiFixture.CreateClient();
        var guestAnswer = await (await guest.PostAsJsonAsync($"/api/v1/shared/{share.GetProperty("shareToken").GetString()}/chat", Question("Who crossed the lake?"))).ReadJsonAsync();
        var logId = guestAnswer.GetProperty("chatLogId").GetGuid();
        var token = guestAnswer.GetProperty("feedbackToken").GetString();
        var stranger = await Fixture.CreateAsync();
        using var strangerSession = await Fixture.LoginAsync(stranger);

        Assert.Equal(HttpStatusCode.NoContent, (await guest.PutAsJsonAsync($"/api/v1/chat/logs/{logId}/feedback", new { value = "bad", comment = "Too short", feedbackToken = token })).StatusCode);
        Assert.Equal(ChatFeedback.Bad, (await LogAsync(logId)).Feedback);
        await ProblemAssert.IsProblemAsync(await guest.PutAsJsonAsync($"/api/v1/chat/logs/{logId}/feedback", new { value = "good", feedbackToken = "not-the-token" }), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await guest.PutAsJsonAsync($"/api/v1/chat/logs/{logId}/feedback", new { value = "good" }), 401);
        await ProblemAssert.IsProblemAsync(await strangerSession.PutAsync($"/api/v1/chat/logs/{logId}/feedback", new { value = "good" }), 404, "not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await library.Session.PutAsync($"/api/v1/chat/logs/{logId}/feedback", new { value = "good" })).StatusCode);

        var log = await LogAsync(logId);
        Assert.Equal(ChatFeedback.Good, log.Feedback);
        Assert.Equal(ChatOrigin.Share, log.Origin);
        Assert.Null(log.FeedbackComment);
    }

    [Fact]
    public async Task History_ShouldPageExportAsCsvWithBom_AndClear()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;
        await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("Where is the bakery?"));
        await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/chat", Question("彗星について教えて, \"comet\"?"));

        var page = await (await library.Session.GetAsync($"/api/v1/groups/{library.GroupId}/chat/logs?pageSize=1")).ReadJsonAsync();
        var csv = await library.Session.GetAsync($"/api/v1/groups/{library.GroupId}/chat/logs?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("彗星について教えて, \"comet\"?", page.GetProperty("items")[0].GetProperty("question").GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("created_at,origin,question,answer,citations", lines[0]);
        Assert.Contains("\"彗星について教えて, \"\"comet\"\"?\"", text);
        Assert.Contains("Where is the bakery?", text);

        Assert.Equal(HttpStatusCode.NoContent, (await library.Session.DeleteAsync($"/api/v1/groups/{library.GroupId}/chat/logs")).StatusCode);
        Assert.Equal(0, (await (await library.Session.GetAsync($"/api/v1/groups/{library.GroupId}/chat/logs")).ReadJsonAsync()).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Analytics_ShouldCountQuestionsFeedbackCitedScenesAndUnanswered_OnSeededLogs()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;
        Guid bridgeScene;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var scene = await db.Scenes.FirstAsync(s => s.VideoId == library.Videos["Bridge inspection"]);
            bridgeScene = scene.Id;
            var cited = JsonSerializer.Serialize(new[] { new { n = 1, sceneId = scene.Id, videoId = scene.VideoId, title = "Bridge inspection", startMs = 0, endMs = 3000, text = scene.Text } },
                Application.Chat.Common.CitationJson.Options);
            var now = DateTimeOffset.UtcNow;
            ChatLog Log(string q, string citations, DateTimeOffset at, Domain.Chat.ChatFeedback? feedback)
            {
                var log = ChatLog.Create(library.User.Id, library.GroupId, null, ChatOrigin.Owner, q, null, "a", citations, "extractive", 5, null, null, "h", at);
                log.Rate(feedback, null);
                return log;
            }
            db.ChatLogs.AddRange(
                Log("bridge 1", cited, now.AddDays(-1), ChatFeedback.Good),
                Log("bridge 2", cited, now.AddDays(-1), ChatFeedback.Bad),
                Log("bridge 3", cited, now, null),
                Log("What is the meaning of life?", "[]", now, null),
                Log("too old", cited, now.AddDays(-90), ChatFeedback.Good));
            await db.SaveChangesAsync();
        }

        var analytics = await (await library.Session.GetAsync($"/api/v1/groups/{library.GroupId}/chat/analytics")).ReadJsonAsync();

        Assert.Equal(4, analytics.GetProperty("questionsPerDay").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(2, analytics.GetProperty("questionsPerDay").GetArrayLength());
        var feedback = analytics.GetProperty("feedback");
        Assert.Equal((1, 1, 2), (feedback.GetProperty("good").GetInt32(), feedback.GetProperty("bad").GetInt32(), feedback.GetProperty("none").GetInt32()));
        var top = analytics.GetProperty("topScenes")[0];
        Assert.Equal(bridgeScene, top.GetProperty("sceneId").GetGuid());
        Assert.Equal(3, top.GetProperty("citations").GetInt32());
        Assert.Equal("What is the meaning of life?", Assert.Single(analytics.GetProperty("unanswered").EnumerateArray()).GetProperty("question").GetString());
    }

    [Fact]
    public async Task SharedChat_ShouldBeLoggedAsShare_AndThrottledPerLink()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;
        var token = (await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/share")).ReadJsonAsync()).GetProperty("shareToken").GetString();
        await using var strict = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:SharedChatPerToken:Limit"] = "2" });
        using var guest = strict.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await guest.PostAsJsonAsync($"/api/v1/shared/{token}/chat", Question("What sells out first at the bakery?")));

        Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
        Assert.Equal(library.Videos["Bakery morning"], (await answers[0].ReadJsonAsync()).GetProperty("citations")[0].GetProperty("videoId").GetGuid());
        await ProblemAssert.IsProblemAsync(answers[2], 429, "rate_limited");
        var logs = await (await library.Session.GetAsync($"/api/v1/groups/{library.GroupId}/chat/logs")).ReadJsonAsync();
        Assert.All(logs.GetProperty("items").EnumerateArray(), l => Assert.Equal("share", l.GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task SharedStreams_ShouldBeCountedPerIpv6Slash64_LikeTheGuestBudgets()
    {
        var library = await LibraryAsync(FakeOpenAi.ValidKey, topics: 2); // the bakery is the second
        using var _ = library.Session;
        var token = (await (await library.Session.PostAsync($"/api/v1/groups/{library.GroupId}/share")).ReadJsonAsync()).GetProperty("shareToken").GetString();
        const string question = "Which rolls sell out first at the bakery, asked from one IPv6 network?";
        // The model answers only once released, so each streamed answer holds its stream slot until then.
        using var hold = Fixture.OpenAi.HoldChats(question);
        Task<HttpResponseMessage> AskFrom(string ip)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/shared/{token}/chat")
            {
                Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = question } }, stream = true }),
            };
            request.Headers.Add("X-Forwarded-For", ip);
            return Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }

        // The cap is 3 in the test host: three addresses of one /64 take every slot of that network.
        var open = Enumerable.Range(1, 3).Select(i => AskFrom($"2001:db8:51:52::{i:x}")).ToList();
        for (var i = 0; i < 200 && hold.Waiting < 3; i++) await Task.Delay(50);
        Assert.Equal(3, hold.Waiting);
        var sameNetwork = AskFrom("2001:db8:51:52:aaaa:bbbb:cccc:dddd");
        var refusedInTime = await Task.WhenAny(sameNetwork, Task.Delay(TimeSpan.FromSeconds(5))) == sameNetwork;
        var otherNetwork = AskFrom("2001:db8:51:53::1");
        for (var i = 0; i < 200 && hold.Waiting < 4; i++) await Task.Delay(50);
        var otherNetworkReachedTheModel = hold.Waiting >= 4;
        hold.Dispose();

        Assert.True(refusedInTime, "a fourth stream from the same /64 was let through");
        using var refused = await sameNetwork;
        await ProblemAssert.IsProblemAsync(refused, 429, "too_many_streams");
        Assert.True(otherNetworkReachedTheModel, "another /64 has slots of its own");
        foreach (var answer in open.Append(otherNetwork))
        {
            using var response = await answer;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("event: done", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Search_ShouldFindTheMoment_WithSafeHighlightedSnippets()
    {
        var library = await LibraryAsync();
        using var _ = library.Session;

        var comet = await (await library.Session.GetAsync($"/api/v1/search?q=telescope%20comet&groupId={library.GroupId}")).ReadJsonAsync();
        var fox = await (await library.Session.GetAsync($"/api/v1/search?q=snow&videoId={library.Videos["Fox at dawn"]}")).ReadJsonAsync();

        var best = comet.GetProperty("items")[0];
        Assert.Equal(library.Videos["Comet night"], best.GetProperty("videoId").GetGuid());
        Assert.Contains("<b>telescope</b>", best.GetProperty("snippet").GetString());
        var snippet = fox.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.DoesNotContain("<script>", snippet);
        await ProblemAssert.IsProblemAsync(await library.Session.GetAsync("/api/v1/search?q="), 400, "validation_failed");
    }
}
