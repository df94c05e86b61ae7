using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Identity;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Accounts;

/// <summary>Secrets at rest are bound to the row they belong to (AES-GCM associated data), and old ciphertexts are upgraded.</summary>
public class SecretProtectorTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task OpenAiKey_ShouldNotDecrypt_WhenMovedToAnotherUsersRow()
    {
        var alice = await Fixture.CreateAsync();
        var mallory = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(alice);
        await session.PutAsync("/api/v1/me/openai-key", new { apiKey = FakeOpenAi.ValidKey });
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
        var ciphertext = await db.Users.Where(u => u.Id == alice.Id).Select(u => u.OpenAiKeyCiphertext).SingleAsync();

        Assert.StartsWith("v2:test1:", ciphertext);
        Assert.Equal(FakeOpenAi.ValidKey, protector.Unprotect(ciphertext!, SecretContext.UserAiKey(alice.Id)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(ciphertext!, SecretContext.UserAiKey(mallory.Id)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(ciphertext!, SecretContext.GroupShareToken(alice.Id)));
    }

    [Fact]
    public async Task Upgrade_ShouldRewriteOldCiphertexts_BoundToTheirRow()
    {
        var user = await Fixture.CreateAsync();
        var legacy = LegacyProtect("sk-legacy-key-9876");
        await Fixture.SetUserAsync(user.Id, u => u.SetOpenAiKey(legacy, "9876", DateTimeOffset.UtcNow));
        await using var scope = CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
        Assert.Equal("sk-legacy-key-9876", protector.Unprotect(legacy, SecretContext.UserAiKey(user.Id))); // still readable before the upgrade

        var upgraded = await scope.ServiceProvider.GetRequiredService<SecretCiphertextUpgrader>().UpgradeAsync(CancellationToken.None);

        Assert.Equal(1, upgraded);
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.OpenAiKeyCiphertext).SingleAsync();
        Assert.StartsWith("v2:", stored);
        Assert.Equal("sk-legacy-key-9876", protector.Unprotect(stored!, SecretContext.UserAiKey(user.Id)));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SecretCiphertextUpgrader>().UpgradeAsync(CancellationToken.None));
    }

    /// <summary>The format written before associated data named the row: v1, the same AD for every secret.</summary>
    private static string LegacyProtect(string plaintext)
    {
        var key = Convert.FromBase64String(ApiFactory.Settings["Security:EncryptionKeys:0:Key"]!);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(12, plain.Length), output.AsSpan(12 + plain.Length), "askvideo:secret:v1"u8);
        return $"v1:test1:{Convert.ToBase64String(output)}";
    }
}
