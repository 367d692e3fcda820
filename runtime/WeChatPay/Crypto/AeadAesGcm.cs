using System.Security.Cryptography;
using System.Text;

namespace WeChatPay;

/// <summary>
/// <c>AEAD_AES_256_GCM</c>, as WeChat Pay uses it for notification resources and downloaded certificates: the key is
/// the 32 ASCII bytes of the APIv3 key, the nonce is 12 characters, the ciphertext is base64 of the encrypted bytes
/// followed by the 16-byte tag.
/// </summary>
public static class AeadAesGcm
{
    /// <summary>The tag length in bytes.</summary>
    public const int TagSize = 16;

    /// <summary>Decrypts and returns the UTF-8 plaintext.</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes.</exception>
    /// <exception cref="WeChatPayVerificationException">The data is malformed, was altered, or the key is wrong.</exception>
    public static string Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
        => Encoding.UTF8.GetString(DecryptToBytes(apiV3Key, nonce, associatedData, ciphertextBase64));

    /// <summary>Decrypts and returns the plaintext bytes.</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes.</exception>
    /// <exception cref="WeChatPayVerificationException">The data is malformed, was altered, or the key is wrong.</exception>
    public static byte[] DecryptToBytes(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var key = AeadInput.Key(apiV3Key, 32, "AEAD_AES_256_GCM");
        var input = AeadInput.Parse(nonce, associatedData, ciphertextBase64, "AEAD_AES_256_GCM");
        if (input.Nonce.Length != 12)
            throw new WeChatPayVerificationException("AEAD_AES_256_GCM decryption failed: the nonce must be 12 bytes.");

        var plaintext = new byte[input.Ciphertext.Length - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(input.Nonce, input.Ciphertext.AsSpan(0, plaintext.Length), input.Ciphertext.AsSpan(plaintext.Length), plaintext, input.AssociatedData);
        }
        catch (CryptographicException)
        {
            throw new WeChatPayVerificationException("AEAD_AES_256_GCM decryption failed: the tag does not match, so the ciphertext, nonce or associated data was altered, or the APIv3 key is wrong.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return plaintext;
    }

    /// <summary>Encrypts UTF-8 <paramref name="plaintext"/> and returns base64 of ciphertext and tag (for tests and sandboxes).</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes, or the nonce is not 12 bytes.</exception>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var key = AeadInput.Key(apiV3Key, 32, "AEAD_AES_256_GCM");
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(plaintext);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (nonceBytes.Length != 12)
            throw new ArgumentException("The AEAD_AES_256_GCM nonce must be 12 bytes.", nameof(nonce));
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[data.Length + TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonceBytes, data, output.AsSpan(0, data.Length), output.AsSpan(data.Length), Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return Convert.ToBase64String(output);
    }
}

/// <summary>Shared argument handling of the two WeChat Pay AEAD ciphers.</summary>
internal static class AeadInput
{
    internal static byte[] Key(string apiV3Key, int length, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(apiV3Key);
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        if (key.Length != length)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new ArgumentException($"The APIv3 key must be 32 ASCII characters for {algorithm}; the one given is {apiV3Key.Length} characters.", nameof(apiV3Key));
        }

        return key;
    }

    internal static (byte[] Nonce, byte[] AssociatedData, byte[] Ciphertext) Parse(string nonce, string associatedData, string ciphertextBase64, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(ciphertextBase64);
        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException)
        {
            throw new WeChatPayVerificationException($"{algorithm} decryption failed: the ciphertext is not valid base64.");
        }

        if (ciphertext.Length < AeadAesGcm.TagSize)
            throw new WeChatPayVerificationException($"{algorithm} decryption failed: the ciphertext is shorter than its 16-byte tag.");

        return (Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(associatedData ?? ""), ciphertext);
    }
}
