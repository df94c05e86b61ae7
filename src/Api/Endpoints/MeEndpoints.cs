using AskVideo.Api.Auth;
using AskVideo.Application.Accounts.Me;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class MeEndpoints
{
    public sealed record SetOpenAiKeyRequest(string ApiKey);

    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Account").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        me.MapGet("", (IMediator m, CancellationToken ct) => Ok(m.Send(new GetMeQuery(), ct))).WithName("GetMe")
            .WithSummary("The signed-in user's profile, preferences, limits, usage and OpenAI key status.");
        me.MapPatch("", (UpdateMeCommand command, IMediator m, CancellationToken ct) => Ok(m.Send(command, ct))).WithName("UpdateMe")
            .WithSummary("Change username, language, chat model or temperature (only the fields present).").ProducesValidationProblem().ProducesProblem(403);
        me.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the password; other sessions are signed out.").ProducesValidationProblem().ProducesProblem(403);
        me.MapDelete("", DeleteAccountAsync).WithName("DeleteAccount")
            .WithSummary("Delete the account and all its data (files, vectors, logs). Takes effect at once; cleanup finishes in the background.")
            .ProducesProblem(403);

        me.MapPut("/openai-key", (SetOpenAiKeyRequest body, IMediator m, CancellationToken ct) => Ok(m.Send(new SetOpenAiKeyCommand(body.ApiKey), ct)))
            .WithName("SetOpenAiKey")
            .WithSummary("Store your own OpenAI (or compatible) API key, encrypted. It is checked against the configured endpoint when reachable; a rejected key is a 422.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(422);
        me.MapDelete("/openai-key", async (IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteOpenAiKeyCommand(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteOpenAiKey").WithSummary("Remove your OpenAI key; the server's default applies again.").ProducesProblem(403);
        me.MapGet("/models", (IMediator m, CancellationToken ct) => Ok(m.Send(new ListModelsQuery(), ct))).WithName("ListModels")
            .WithSummary("Chat-capable models available with your key (or the server's) at the configured endpoint.")
            .ProducesProblem(422).ProducesProblem(503);

        me.MapGet("/tokens", (IMediator m, CancellationToken ct) => Ok(m.Send(new ListApiTokensQuery(), ct))).WithName("ListApiTokens")
            .WithSummary("Your personal API tokens (never their secrets).");
        me.MapPost("/tokens", CreateTokenAsync).WithName("CreateApiToken")
            .WithSummary("Create a personal API token. The secret (avq_…) is in this response only.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        me.MapDelete("/tokens/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteApiTokenCommand(id), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteApiToken").WithSummary("Revoke a personal API token.").ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> DeleteAccountAsync(IMediator mediator, AuthCookies cookies, HttpResponse response, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteAccountCommand(), cancellationToken);
        cookies.Clear(response);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Created<CreatedApiTokenDto>> CreateTokenAsync(CreateApiTokenCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var token = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/me/tokens/{token.Id}", token);
    }
}
