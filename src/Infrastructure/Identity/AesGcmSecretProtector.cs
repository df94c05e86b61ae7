using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce. Format: <c>v1:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>. The key id lets old
/// ciphertexts be read after a new key is put first. Keys come from configuration, so every API and worker instance
/// (and every restart) can decrypt.
/// </summary>
internal sealed class AesGcmSecretProtector(IOptions<SecurityOptions> options) : ISecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AssociatedData = "askvideo:secret:v1"u8.ToArray();

    public string Protect(string plaintext)
    {
        var key = options.Value.EncryptionKeys[0];
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(key.Key), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), AssociatedData);
        return $"v1:{key.Id}:{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string ciphertext)
    {
        var parts = ciphertext.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1") throw new CryptographicException("Unknown secret format.");
        var key = options.Value.EncryptionKeys.FirstOrDefault(k => k.Id == parts[1])
            ?? throw new CryptographicException($"The encryption key '{parts[1]}' is not configured.");
        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Ciphertext too short.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Convert.FromBase64String(key.Key), TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, AssociatedData);
        return Encoding.UTF8.GetString(plain);
    }
}
