using AskVideo.Api.Auth;
using AskVideo.Application.Accounts.Me;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AskVideo.Api.Endpoints;

public static class MeEndpoints
{
    public sealed record SetOpenAiKeyRequest(string ApiKey);

    public sealed record DeleteAccountRequest(string Password);

    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Account").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        me.MapGet("", GetMeAsync).WithName("GetMe")
            .WithSummary("The signed-in user's profile, preferences, limits, usage and OpenAI key status.");
        me.MapPatch("", UpdateMeAsync).WithName("UpdateMe")
            .WithSummary("Change username, language, chat model or temperature (only the fields present).").ProducesValidationProblem().ProducesProblem(403);
        me.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the password (browser session only; throttled like sign-in). Other sessions and unused reset links stop working; revokeApiTokens also deletes every API token.")
            .ProducesValidationProblem().ProducesProblem(403);
        me.MapDelete("", DeleteAccountAsync).WithName("DeleteAccount")
            .WithSummary("Delete the account and all its data (files, vectors, logs), confirmed with the password (browser session only; throttled like sign-in). Takes effect at once; cleanup finishes in the background.")
            .ProducesValidationProblem().ProducesProblem(403);

        me.MapPut("/openai-key", SetOpenAiKeyAsync).WithName("SetOpenAiKey")
            .WithSummary("Store your own OpenAI (or compatible) API key, encrypted. It is checked against the configured endpoint when reachable; a rejected key is a 422. Limited per user.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(422);
        me.MapDelete("/openai-key", DeleteOpenAiKeyAsync).WithName("DeleteOpenAiKey")
            .WithSummary("Remove your OpenAI key; the server's default applies again.").ProducesProblem(403);
        me.MapGet("/models", ListModelsAsync).WithName("ListModels")
            .WithSummary("Chat-capable models available with your key (or the server's) at the configured endpoint. Limited per user.")
            .ProducesProblem(422).ProducesProblem(503);

        me.MapGet("/tokens", ListTokensAsync).WithName("ListApiTokens")
            .WithSummary("Your personal API tokens (never their secrets). Browser session only.").ProducesProblem(403);
        me.MapPost("/tokens", CreateTokenAsync).WithName("CreateApiToken")
            .WithSummary("Create a personal API token (browser session only: a token cannot mint tokens). The secret (avq_…) is in this response only.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        me.MapDelete("/tokens/{id:guid}", DeleteTokenAsync).WithName("DeleteApiToken")
            .WithSummary("Revoke a personal API token. Browser session only.").ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<MeDto>> GetMeAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMeQuery(), cancellationToken));

    private static async Task<Ok<MeDto>> UpdateMeAsync(UpdateMeCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> DeleteAccountAsync([FromBody] DeleteAccountRequest body, IMediator mediator, AuthCookies cookies, HttpResponse response, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteAccountCommand(body.Password), cancellationToken);
        cookies.Clear(response);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<OpenAiKeyResultDto>> SetOpenAiKeyAsync(SetOpenAiKeyRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetOpenAiKeyCommand(body.ApiKey), cancellationToken));

    private static async Task<NoContent> DeleteOpenAiKeyAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteOpenAiKeyCommand(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ModelsDto>> ListModelsAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListModelsQuery(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<ApiTokenDto>>> ListTokensAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListApiTokensQuery(), cancellationToken));

    private static async Task<Created<CreatedApiTokenDto>> CreateTokenAsync(CreateApiTokenCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var token = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/me/tokens/{token.Id}", token);
    }

    private static async Task<NoContent> DeleteTokenAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteApiTokenCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
