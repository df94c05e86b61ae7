using AskVideo.Application.Accounts.Common;

namespace AskVideo.Application.UnitTests;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("a sturdy passphrase 42")]
    [InlineData("Tr0ub4dor&3-extended")]
    [InlineData("長いパスフレーズ、です。")]
    public void Check_ShouldAcceptStrongPasswords(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, "alice", "alice@example.com"));

    [Theory]
    [InlineData("", "Enter a password.")]
    [InlineData("short", "at least 10")]
    [InlineData("password123", "too common")]
    [InlineData("PASSWORD123", "too common")]
    [InlineData("qwertyuiop", "too common")]
    [InlineData("0987654321", "too common")]
    [InlineData("aaaaaaaaaaaa", "too common")]
    [InlineData("abababababab", "too common")]
    [InlineData("alice-is-great", "username")]
    [InlineData("mail:alicia@example.com", "email")]
    public void Check_ShouldExplainWhatIsWrong(string password, string expected)
    {
        var problems = PasswordPolicy.Check(password, "alice", "alicia@example.com");

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Check_ShouldRejectAbsurdlyLongPasswords() =>
        Assert.Contains(PasswordPolicy.Check(new string('x', 300) + "yz12", null, null), p => p.Contains("at most"));
}
