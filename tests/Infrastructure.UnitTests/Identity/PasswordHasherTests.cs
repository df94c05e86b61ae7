using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Identity;

namespace AskVideo.Infrastructure.UnitTests.Identity;

public class PasswordHasherTests
{
    // Made with Django's algorithm (hashlib.pbkdf2_hmac, base64), as VideoQ stores them in app_user.password.
    private const string DjangoSha256 = "pbkdf2_sha256$1000000$Zm9vYmFyc2FsdA2024$PhxKlwJ1lH2zSpBzG//gstWW0OauPYed4UQ1/VcVgyE=";
    private const string DjangoSha256Password = "VideoQ pässword!";
    private const string DjangoSha1 = "pbkdf2_sha1$260000$oldsalt123$a2uptBlIWKGAX3XdIkznSRh4Vhk=";

    private readonly PasswordHasher _hasher = new();

    [Fact]
    public void Verify_ShouldAcceptADjangoPbkdf2Sha256Hash_AsNeedingARehash()
    {
        Assert.Equal(PasswordCheck.SuccessRehashNeeded, _hasher.Verify(DjangoSha256, DjangoSha256Password));
        Assert.Equal(PasswordCheck.Failed, _hasher.Verify(DjangoSha256, "VideoQ password!"));
        Assert.Equal(PasswordCheck.SuccessRehashNeeded, _hasher.Verify(DjangoSha1, "letmein"));
        Assert.Equal(PasswordCheck.Failed, _hasher.Verify(DjangoSha1, "letmeout"));
    }

    [Fact]
    public void Verify_ShouldKeepItsOwnFormat()
    {
        var hash = _hasher.Hash("correct horse battery staple");
        Assert.Equal(PasswordCheck.Success, _hasher.Verify(hash, "correct horse battery staple"));
        Assert.Equal(PasswordCheck.Failed, _hasher.Verify(hash, "wrong"));
        Assert.True(_hasher.CanVerify(hash));
    }

    [Theory]
    [InlineData(DjangoSha256, true)]
    [InlineData(DjangoSha1, true)]
    // Django's other hashers, an unusable password ("!" + random) and tampered hashes: not verifiable here.
    [InlineData("argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", false)]
    [InlineData("bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234", false)]
    [InlineData("!Xk3Jq9Lr0m1n2b3v4c5x6z7a8s9d0f1g2h3j4k5", false)]
    [InlineData("md5$salt$5f4dcc3b5aa765d61d8327deb882cf99", false)]
    [InlineData("pbkdf2_sha256$abc$salt$PhxKlwJ1lH2zSpBzG//gstWW0OauPYed4UQ1/VcVgyE=", false)]
    [InlineData("pbkdf2_sha256$99999999$salt$PhxKlwJ1lH2zSpBzG//gstWW0OauPYed4UQ1/VcVgyE=", false)]
    [InlineData("pbkdf2_sha256$1000$salt$not base64!", false)]
    [InlineData("", false)]
    public void CanVerify_ShouldKnowWhichFormatsItReads(string hash, bool expected)
    {
        Assert.Equal(expected, _hasher.CanVerify(hash));
        if (!expected) Assert.Equal(PasswordCheck.Failed, _hasher.Verify(hash, "anything"));
    }
}
