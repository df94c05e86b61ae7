using AskVideo.Application.Common.Behaviours;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using NSubstitute;

namespace AskVideo.Application.UnitTests;

public sealed record SampleCommand(string Name, int Count) : ICommand<string>;

public sealed record SampleQuery : IQuery<string>;

public sealed record PublicQuery : IQuery<string>, IAllowAnonymous;

public sealed record PublicCommand : ICommand<string>, IAllowAnonymous;

public sealed record AdminQuery : IQuery<string>, IRequireAdmin;

public sealed class SampleCommandValidator : AbstractValidator<SampleCommand>
{
    public SampleCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name is required.");
        RuleFor(c => c.Count).InclusiveBetween(1, 10).WithMessage("Count must be 1 to 10.");
    }
}

public class BehaviourTests
{
    private static Task<string> Ok() => Task.FromResult("ok");

    private static ICurrentUser User(AuthMethod method, bool admin = false, params string[] scopes)
    {
        var user = Substitute.For<ICurrentUser>();
        user.UserId.Returns(method == AuthMethod.None || method == AuthMethod.System ? null : Guid.NewGuid());
        user.IsAuthenticated.Returns(method is AuthMethod.Cookie or AuthMethod.ApiToken);
        user.Method.Returns(method);
        user.IsAdmin.Returns(admin);
        user.Scopes.Returns(scopes);
        return user;
    }

    [Fact]
    public async Task Validation_ShouldReportEveryFailure_WhenSeveralFieldsAreInvalid()
    {
        var behaviour = new ValidationBehaviour<SampleCommand, string>([new SampleCommandValidator()]);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            behaviour.Handle(new SampleCommand("", 0), CancellationToken.None, Ok));

        Assert.Equal(["Name is required."], ex.Errors["name"]);
        Assert.Equal(["Count must be 1 to 10."], ex.Errors["count"]);
    }

    [Fact]
    public async Task Validation_ShouldCallTheHandler_WhenValid()
    {
        var behaviour = new ValidationBehaviour<SampleCommand, string>([new SampleCommandValidator()]);
        Assert.Equal("ok", await behaviour.Handle(new SampleCommand("a", 2), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldRejectAnonymous_ByDefault()
    {
        var behaviour = new AuthorizationBehaviour<SampleQuery, string>(User(AuthMethod.None));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => behaviour.Handle(new SampleQuery(), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldAllowAnonymous_WhenTheRequestOptsOut()
    {
        var behaviour = new AuthorizationBehaviour<PublicQuery, string>(User(AuthMethod.None));
        Assert.Equal("ok", await behaviour.Handle(new PublicQuery(), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldRejectCommands_FromReadOnlyTokens()
    {
        var behaviour = new AuthorizationBehaviour<SampleCommand, string>(User(AuthMethod.ApiToken, false, "read"));
        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => behaviour.Handle(new SampleCommand("a", 1), CancellationToken.None, Ok));
        Assert.Equal("insufficient_scope", ex.Code.Value);
    }

    [Fact]
    public async Task Authorization_ShouldRejectCommands_FromReadOnlyTokens_EvenWhenAnonymousCallersMaySendThem()
    {
        // Rating an answer is open to guests with its feedback token, and to the owner by identity: a read token of the
        // owner must not become the owner's write access.
        var behaviour = new AuthorizationBehaviour<PublicCommand, string>(User(AuthMethod.ApiToken, false, "read"));

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => behaviour.Handle(new PublicCommand(), CancellationToken.None, Ok));

        Assert.Equal("insufficient_scope", ex.Code.Value);
        Assert.Equal("ok", await new AuthorizationBehaviour<PublicCommand, string>(User(AuthMethod.None)).Handle(new PublicCommand(), CancellationToken.None, Ok));
        Assert.Equal("ok", await new AuthorizationBehaviour<PublicCommand, string>(User(AuthMethod.ApiToken, false, "write")).Handle(new PublicCommand(), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldAllowQueries_FromReadOnlyTokens_AndCommandsFromWriteTokens()
    {
        Assert.Equal("ok", await new AuthorizationBehaviour<SampleQuery, string>(User(AuthMethod.ApiToken, false, "read"))
            .Handle(new SampleQuery(), CancellationToken.None, Ok));
        Assert.Equal("ok", await new AuthorizationBehaviour<SampleCommand, string>(User(AuthMethod.ApiToken, false, "read", "write"))
            .Handle(new SampleCommand("a", 1), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldRequireAdmin_ForAdminRequests()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => new AuthorizationBehaviour<AdminQuery, string>(User(AuthMethod.Cookie))
            .Handle(new AdminQuery(), CancellationToken.None, Ok));
        Assert.Equal("ok", await new AuthorizationBehaviour<AdminQuery, string>(User(AuthMethod.Cookie, admin: true))
            .Handle(new AdminQuery(), CancellationToken.None, Ok));
    }

    [Fact]
    public async Task Authorization_ShouldKeepJobsInternal()
    {
        var job = new Jobs.Ping.PingJob("x");
        await Assert.ThrowsAsync<ForbiddenException>(() => new AuthorizationBehaviour<Jobs.Ping.PingJob, Unit>(User(AuthMethod.Cookie, admin: true))
            .Handle(job, CancellationToken.None, () => Task.FromResult(Unit.Value)));
        Assert.Equal(Unit.Value, await new AuthorizationBehaviour<Jobs.Ping.PingJob, Unit>(User(AuthMethod.System))
            .Handle(job, CancellationToken.None, () => Task.FromResult(Unit.Value)));
    }

    [Fact]
    public async Task ReadYourWrites_ShouldMarkTheCaller_AfterACommandSucceeds()
    {
        var user = User(AuthMethod.Cookie);
        var consistency = Substitute.For<IReadConsistency>();

        Assert.Equal("ok", await new ReadYourWritesBehaviour<SampleCommand, string>(user, consistency).Handle(new SampleCommand("a", 1), CancellationToken.None, Ok));

        await consistency.Received(1).MarkWrittenAsync(user.UserId!.Value, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ReadYourWrites_ShouldMarkNothing_ForQueriesFailuresAnonymousCallersAndJobs()
    {
        var consistency = Substitute.For<IReadConsistency>();

        await new ReadYourWritesBehaviour<SampleQuery, string>(User(AuthMethod.Cookie), consistency).Handle(new SampleQuery(), CancellationToken.None, Ok);
        await Assert.ThrowsAsync<ConflictException>(() => new ReadYourWritesBehaviour<SampleCommand, string>(User(AuthMethod.Cookie), consistency)
            .Handle(new SampleCommand("a", 1), CancellationToken.None, () => throw new ConflictException(Domain.Common.ErrorCode.Conflict, "no")));
        await new ReadYourWritesBehaviour<SampleCommand, string>(User(AuthMethod.None), consistency).Handle(new SampleCommand("a", 1), CancellationToken.None, Ok);
        await new ReadYourWritesBehaviour<Jobs.Ping.PingJob, Unit>(User(AuthMethod.System), consistency)
            .Handle(new Jobs.Ping.PingJob("x"), CancellationToken.None, () => Task.FromResult(Unit.Value));

        await consistency.DidNotReceiveWithAnyArgs().MarkWrittenAsync(default, default);
    }
}
