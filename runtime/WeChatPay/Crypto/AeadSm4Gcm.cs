using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay;

/// <summary>
/// <c>AEAD_SM4_GCM</c>, the ShangMi (国密) counterpart of <see cref="AeadAesGcm"/>: the key is the first 16 bytes of
/// SM3(APIv3 key), the nonce is 12 characters, the ciphertext is base64 of the encrypted bytes followed by the
/// 16-byte tag.
/// </summary>
public static class AeadSm4Gcm
{
    /// <summary>Decrypts and returns the UTF-8 plaintext.</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes.</exception>
    /// <exception cref="WeChatPayVerificationException">The data is malformed, was altered, or the key is wrong.</exception>
    public static string Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        return Encoding.UTF8.GetString(DecryptToBytes(apiV3Key, nonce, associatedData, ciphertextBase64));
    }

    /// <summary>Decrypts and returns the plaintext bytes.</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes.</exception>
    /// <exception cref="WeChatPayVerificationException">The data is malformed, was altered, or the key is wrong.</exception>
    public static byte[] DecryptToBytes(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        var input = AeadInput.Parse(nonce, associatedData, ciphertextBase64, "AEAD_SM4_GCM");
        if (input.Nonce.Length == 0)
            throw new WeChatPayVerificationException("AEAD_SM4_GCM decryption failed: the nonce is empty.");
        var cipher = Create(apiV3Key, forEncryption: false, input.Nonce, input.AssociatedData);
        var plaintext = new byte[cipher.GetOutputSize(input.Ciphertext.Length)];
        try
        {
            var written = cipher.ProcessBytes(input.Ciphertext, 0, input.Ciphertext.Length, plaintext, 0);
            written += cipher.DoFinal(plaintext, written);
            return written == plaintext.Length ? plaintext : plaintext.AsSpan(0, written).ToArray();
        }
        catch (InvalidCipherTextException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new WeChatPayVerificationException("AEAD_SM4_GCM decryption failed: the tag does not match, so the ciphertext, nonce or associated data was altered, or the APIv3 key is wrong.");
        }
    }

    /// <summary>Encrypts UTF-8 <paramref name="plaintext"/> and returns base64 of ciphertext and tag (for tests and sandboxes).</summary>
    /// <exception cref="ArgumentException">The APIv3 key is not 32 bytes, or the nonce is empty.</exception>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(plaintext);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (nonceBytes.Length == 0)
            throw new ArgumentException("The AEAD_SM4_GCM nonce is empty.", nameof(nonce));
        var cipher = Create(apiV3Key, forEncryption: true, nonceBytes, Encoding.UTF8.GetBytes(associatedData ?? ""));
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[cipher.GetOutputSize(data.Length)];
        var written = cipher.ProcessBytes(data, 0, data.Length, output, 0);
        written += cipher.DoFinal(output, written);
        return Convert.ToBase64String(output, 0, written);
    }

    /// <summary>The SM4 key WeChat Pay derives from the APIv3 key: the first 16 bytes of its SM3 hash.</summary>
    internal static byte[] DeriveKey(string apiV3Key)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        var apiKey = AeadInput.Key(apiV3Key, 32, "AEAD_SM4_GCM");
        var hash = Sm3.Hash(apiKey);
        CryptographicOperations.ZeroMemory(apiKey);
        var key = hash.AsSpan(0, 16).ToArray();
        CryptographicOperations.ZeroMemory(hash);
        return key;
    }

    private static GcmBlockCipher Create(string apiV3Key, bool forEncryption, byte[] nonce, byte[] associatedData)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        var key = DeriveKey(apiV3Key);
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), AeadAesGcm.TagSize * 8, nonce, associatedData));
        CryptographicOperations.ZeroMemory(key);
        return cipher;
    }
}
