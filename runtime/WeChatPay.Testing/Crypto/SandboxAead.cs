using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay.Testing.Crypto;

/// <summary>
/// The AEAD ciphers WeChat Pay encrypts certificates and notification resources with. The ciphertext is base64 of
/// the encrypted bytes with the 16-byte tag appended.
/// </summary>
internal static class SandboxAead
{
    public const string AesGcm = "AEAD_AES_256_GCM";
    public const string Sm4Gcm = "AEAD_SM4_GCM";
    private const int TagSize = 16;

    /// <summary>AEAD_AES_256_GCM: the key is the 32 bytes of the APIv3 key.</summary>
    public static string EncryptAesGcm(string apiV3Key, string nonce, string associatedData, ReadOnlySpan<byte> plaintext)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var output = new byte[plaintext.Length + TagSize];
        using var aes = new System.Security.Cryptography.AesGcm(key, TagSize);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plaintext, output.AsSpan(0, plaintext.Length),
            output.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    public static byte[] DecryptAesGcm(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var input = Convert.FromBase64String(ciphertextBase64);
        if (input.Length < TagSize)
            throw new CryptographicException("The ciphertext is shorter than the GCM tag.");
        var plaintext = new byte[input.Length - TagSize];
        using var aes = new System.Security.Cryptography.AesGcm(key, TagSize);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), input.AsSpan(0, plaintext.Length), input.AsSpan(plaintext.Length),
            plaintext, Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }

    /// <summary>AEAD_SM4_GCM: the key is the first 16 bytes of SM3(APIv3 key).</summary>
    public static string EncryptSm4Gcm(string apiV3Key, string nonce, string associatedData, ReadOnlySpan<byte> plaintext)
    {
        var cipher = CreateSm4Gcm(forEncryption: true, apiV3Key, nonce, associatedData);
        var output = new byte[cipher.GetOutputSize(plaintext.Length)];
        var length = cipher.ProcessBytes(plaintext.ToArray(), 0, plaintext.Length, output, 0);
        cipher.DoFinal(output, length);
        return Convert.ToBase64String(output);
    }

    public static byte[] DecryptSm4Gcm(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var input = Convert.FromBase64String(ciphertextBase64);
        var cipher = CreateSm4Gcm(forEncryption: false, apiV3Key, nonce, associatedData);
        var output = new byte[cipher.GetOutputSize(input.Length)];
        var length = cipher.ProcessBytes(input, 0, input.Length, output, 0);
        length += cipher.DoFinal(output, length);
        return output.AsSpan(0, length).ToArray();
    }

    public static string Encrypt(string algorithm, string apiV3Key, string nonce, string associatedData, ReadOnlySpan<byte> plaintext) =>
        algorithm switch
        {
            AesGcm => EncryptAesGcm(apiV3Key, nonce, associatedData, plaintext),
            Sm4Gcm => EncryptSm4Gcm(apiV3Key, nonce, associatedData, plaintext),
            _ => throw new ArgumentException($"Unknown AEAD algorithm '{algorithm}'.", nameof(algorithm)),
        };

    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    private static GcmBlockCipher CreateSm4Gcm(bool forEncryption, string apiV3Key, string nonce, string associatedData)
    {
        var key = Sm3(Encoding.UTF8.GetBytes(apiV3Key)).AsSpan(0, 16).ToArray();
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8,
            Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(associatedData)));
        return cipher;
    }
}

/// <summary>Random strings in the shapes WeChat Pay uses.</summary>
internal static class SandboxRandom
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A base62 string from a CSPRNG, like the nonces on WeChat Pay headers and AEAD resources.</summary>
    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Base62, length);

    public static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);

    /// <summary>Upper-case hex, like WeChat Pay's <c>Wechatpay-Nonce</c> and <c>Request-ID</c>.</summary>
    public static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A 32-character APIv3 key.</summary>
    public static string ApiV3Key() => Alphanumeric(32);
}
