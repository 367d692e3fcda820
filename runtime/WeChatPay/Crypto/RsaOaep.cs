using System.Security.Cryptography;
using System.Text;

namespace WeChatPay;

/// <summary>
/// RSA-OAEP with SHA-1 and MGF1-SHA-1, the padding WeChat Pay uses for sensitive fields (敏感信息加密) in RSA mode.
/// Ciphertexts are base64.
/// </summary>
public static class RsaOaep
{
    /// <summary>Encrypts the UTF-8 bytes of <paramref name="plaintext"/> to <paramref name="publicKey"/>; returns base64.</summary>
    public static string Encrypt(RSA publicKey, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(plaintext);
        return Convert.ToBase64String(publicKey.Encrypt(Encoding.UTF8.GetBytes(plaintext), RSAEncryptionPadding.OaepSHA1));
    }

    /// <summary>Decrypts a base64 RSA-OAEP ciphertext with <paramref name="privateKey"/> and returns the UTF-8 text.</summary>
    /// <exception cref="WeChatPayException">The text is not base64, or it does not decrypt with this key.</exception>
    public static string Decrypt(RSA privateKey, string ciphertextBase64)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(ciphertextBase64);
        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException)
        {
            throw new WeChatPayException("The RSA-OAEP ciphertext is not valid base64.");
        }

        try
        {
            return Encoding.UTF8.GetString(privateKey.Decrypt(ciphertext, RSAEncryptionPadding.OaepSHA1));
        }
        catch (CryptographicException)
        {
            throw new WeChatPayException("The RSA-OAEP (SHA-1) ciphertext does not decrypt with the merchant private key: it was encrypted to another key, or altered.");
        }
    }
}
