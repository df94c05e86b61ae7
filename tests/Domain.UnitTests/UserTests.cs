using AskVideo.Domain.Common;
using AskVideo.Domain.Users;

namespace AskVideo.Domain.UnitTests;

public class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_ShouldNormalizeEmailAndUsername()
    {
        var user = User.Register("  Alice@Example.COM ", " Alice ", "hash", 10, "ja", Now);

        Assert.Equal("Alice@Example.COM", user.Email);
        Assert.Equal("alice@example.com", user.NormalizedEmail);
        Assert.Equal("alice", user.NormalizedUsername);
        Assert.Equal("ja", user.PreferredLanguage);
        Assert.Equal(10, user.VideoLimit);
        Assert.False(user.CanSignIn);
    }

    [Fact]
    public void Register_ShouldFallBackToEnglish_WhenLanguageIsUnsupported()
    {
        var user = User.Register("a@b.c", "abc", "hash", null, "fr", Now);
        Assert.Equal(Language.English, user.PreferredLanguage);
    }

    [Theory]
    [InlineData(null, 1000, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(0, 0, false)]
    public void CanAddVideo_ShouldRespectTheLimit(int? limit, int current, bool expected)
    {
        var user = User.Register("a@b.c", "abc", "hash", limit, "en", Now);
        Assert.Equal(expected, user.CanAddVideo(current));
    }

    [Fact]
    public void LlmPreferences_ShouldRejectTemperatureOutsideZeroToTwo_AndResetWithNull()
    {
        var user = User.Register("a@b.c", "abc", "hash", null, "en", Now);
        Assert.Throws<DomainException>(() => user.SetLlmTemperature(2.5, Now));
        user.SetLlmTemperature(1.5, Now);
        user.SetLlmModel(" gpt-4o ", Now);
        Assert.Equal(1.5, user.LlmTemperature);
        Assert.Equal("gpt-4o", user.LlmModel);

        user.SetLlmTemperature(null, Now);
        user.SetLlmModel("", Now);
        Assert.Null(user.LlmTemperature);
        Assert.Null(user.LlmModel);
    }

    [Fact]
    public void RequestDeletion_ShouldDeactivateTheAccount()
    {
        var user = User.Register("a@b.c", "abc", "hash", null, "en", Now);
        user.MarkEmailVerified(Now);
        Assert.True(user.CanSignIn);

        user.RequestDeletion(Now);

        Assert.False(user.CanSignIn);
        Assert.True(user.IsDeleted);
    }

    [Fact]
    public void OneTimeToken_ShouldBeUsableOnce_AndExpire()
    {
        var token = OneTimeToken.Issue(Guid.NewGuid(), OneTimeTokenPurpose.VerifyEmail, "h", Now, TimeSpan.FromHours(24));

        Assert.False(token.IsUsable(Now.AddHours(25)));
        token.Consume(Now.AddHours(1));
        Assert.Throws<DomainException>(() => token.Consume(Now.AddHours(2)));
    }

    [Fact]
    public void RefreshToken_ShouldNotBeUsable_AfterRotation()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "h", Now, TimeSpan.FromDays(14));
        Assert.True(token.IsUsable(Now));

        token.MarkRotated(Now);

        Assert.False(token.IsUsable(Now));
    }

    [Fact]
    public void ApiToken_ShouldRejectUnknownScopes_AndPastExpiry()
    {
        Assert.Throws<DomainException>(() => ApiToken.Create(Guid.NewGuid(), "ci", ["admin"], "h", "avq_1234", Now, null));
        Assert.Throws<DomainException>(() => ApiToken.Create(Guid.NewGuid(), "ci", ["read"], "h", "avq_1234", Now, Now.AddSeconds(-1)));
        var token = ApiToken.Create(Guid.NewGuid(), "ci", ["read", "read"], "h", "avq_1234", Now, Now.AddDays(1));
        Assert.Equal(["read"], token.Scopes);
        Assert.True(token.IsExpired(Now.AddDays(2)));
    }
}
