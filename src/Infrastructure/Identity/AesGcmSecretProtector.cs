using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce. Format: <c>v2:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>, with the
/// secret's context (the row it belongs to, e.g. <c>users/{id}/openai_key</c>) as associated data, so a ciphertext
/// copied to another row fails to decrypt. <c>v1</c> ciphertexts (one fixed associated data for every secret) are still
/// read; <see cref="SecretCiphertextUpgrader"/> (run by <c>migrate</c>) rewrites them as v2. The key id lets old
/// ciphertexts be read after a new key is put first. Keys come from configuration, so every API and worker instance
/// (and every restart) can decrypt.
/// </summary>
internal sealed class AesGcmSecretProtector(IOptions<SecurityOptions> options) : ISecretProtector
{
    public const string CurrentVersion = "v2";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] LegacyAssociatedData = "askvideo:secret:v1"u8.ToArray();

    public string Protect(string plaintext, string context)
    {
        var key = options.Value.EncryptionKeys[0];
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(key.Key), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), AssociatedData(context));
        return $"{CurrentVersion}:{key.Id}:{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string ciphertext, string context)
    {
        var parts = ciphertext.Split(':', 3);
        var associatedData = parts.Length != 3 ? null : parts[0] switch
        {
            CurrentVersion => AssociatedData(context),
            "v1" => LegacyAssociatedData,
            _ => null,
        };
        if (associatedData is null) throw new CryptographicException("Unknown secret format.");
        var key = options.Value.EncryptionKeys.FirstOrDefault(k => k.Id == parts[1])
            ?? throw new CryptographicException($"The encryption key '{parts[1]}' is not configured.");
        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Ciphertext too short.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Convert.FromBase64String(key.Key), TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, associatedData);
        return Encoding.UTF8.GetString(plain);
    }

    public static bool IsCurrent(string ciphertext) => ciphertext.StartsWith(CurrentVersion + ":", StringComparison.Ordinal);

    private static byte[] AssociatedData(string context) => Encoding.UTF8.GetBytes("askvideo:secret:v2:" + context);
}
