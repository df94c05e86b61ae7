using AskVideo.Integration.Tests.Accounts;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Groups;

/// <summary>
/// The access matrix for groups and share links. Columns as everywhere: anonymous, user A, user B, A's read token,
/// admin. The guest principals are the share tokens in the path: {shareA} opens A's group (for every caller alike:
/// cookies and tokens are not consulted there), {shareB} is another group's link, {randomShare} opens nothing.
/// </summary>
public class GroupAccessMatrixTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Ask = """{"messages":[{"role":"user","content":"What is this about?"}]}""";

    public static TheoryData<string, string, string, int[]> Rows => AccessMatrix.ToTheoryData(
    [
        new("GET", "/api/v1/groups", null, [401, 200, 200, 200, 200]),
        new("POST", "/api/v1/groups", """{"name":"new group"}""", [401, 201, 201, 403, 201]),
        new("GET", "/api/v1/groups/{groupA}", null, [401, 200, 404, 200, 404]),
        new("PATCH", "/api/v1/groups/{groupA}", """{"name":"renamed"}""", [401, 200, 404, 403, 404]),
        new("POST", "/api/v1/groups/{groupA}/videos", """{"videoIds":["{videoA}"]}""", [401, 200, 404, 403, 404]),
        new("PUT", "/api/v1/groups/{groupA}/order", """{"videoIds":["{videoA}"]}""", [401, 200, 404, 403, 404]),
        new("POST", "/api/v1/groups/{groupA}/share", null, [401, 200, 404, 403, 404]),
        new("DELETE", "/api/v1/groups/{groupA}/share", null, [401, 204, 404, 403, 404]),
        new("DELETE", "/api/v1/groups/{groupA}/videos/{videoA}", null, [401, 204, 404, 403, 404]),
        new("DELETE", "/api/v1/groups/{groupA}", null, [401, 204, 404, 403, 404]),
        new("GET", "/api/v1/shared/{shareA}", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/shared/{shareA}/videos/{videoA}/media", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/shared/{shareA}/videos/{videoA}/thumbnail", null, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/shared/{shareA}/videos/{videoA}/transcript", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/shared/{shareB}", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/shared/{shareB}/videos/{videoA}/media", null, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/shared/{shareB}/videos/{videoA}/thumbnail", null, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/shared/{shareB}/videos/{videoA}/transcript", null, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/shared/{randomShare}", null, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/shared/{randomShare}/videos/{videoA}/media", null, [404, 404, 404, 404, 404]),
        new("POST", "/api/v1/groups/{groupA}/chat", Ask, [401, 200, 404, 200, 404]),
        new("POST", "/api/v1/shared/{shareA}/chat", Ask, [200, 200, 200, 200, 200]),
        new("POST", "/api/v1/shared/{shareB}/chat", Ask, [200, 200, 200, 200, 200]),
        new("POST", "/api/v1/shared/{randomShare}/chat", Ask, [404, 404, 404, 404, 404]),
        new("GET", "/api/v1/groups/{groupA}/chat/logs", null, [401, 200, 404, 200, 404]),
        new("DELETE", "/api/v1/groups/{groupA}/chat/logs", null, [401, 204, 404, 403, 404]),
        new("GET", "/api/v1/groups/{groupA}/chat/analytics", null, [401, 200, 404, 200, 404]),
        new("PUT", "/api/v1/chat/logs/{randomId}/feedback", """{"value":"good"}""", [401, 404, 404, 404, 404]),
    ]);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_ShouldAnswerEachCallerAsSpecified(string method, string path, string body, int[] expected)
    {
        await using var matrix = await AccessMatrix.CreateAsync(Fixture);
        await matrix.AddVideoAndTagOfAAsync();
        await matrix.AddSharedGroupsAsync();
        await matrix.AssertAsync(method, path, body, expected);
    }
}
