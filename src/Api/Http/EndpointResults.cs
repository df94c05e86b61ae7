using Microsoft.AspNetCore.Http.HttpResults;

namespace AskVideo.Api.Http;

public static class EndpointResults
{
    /// <summary>200 with the result of a MediatR request, typed for OpenAPI.</summary>
    public static async Task<Ok<T>> Ok<T>(Task<T> result) => TypedResults.Ok(await result);
}
