using System.Security.Cryptography;
using System.Text;
using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing.Gateway;

/// <summary>
/// The gateway's handling of sensitive fields (敏感信息), for every family: a request field is decrypted with the
/// platform private key that the request names in <c>Wechatpay-Serial</c> (RSA-OAEP, or SM2 for a ShangMi merchant);
/// an answer field is encrypted to the merchant's public key. A missing or foreign serial, or a field that does
/// not decrypt, is <c>400 PARAM_ERROR</c>; the plaintext never reaches an error message.
/// </summary>
internal sealed class SensitiveFields(SandboxPlatform platform)
{
    /// <summary>Decrypts the request field at <paramref name="pointer"/> (a JSON pointer such as <c>/user_name</c>).</summary>
    public string Decrypt(RouteContext context, string ciphertext, string pointer)
    {
        var key = RequestKey(context);
        byte[] plaintext;
        try
        {
            plaintext = key.Decrypt(Convert.FromBase64String(ciphertext));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw SandboxError.ParamError($"敏感字段{pointer}解密失败，请使用Wechatpay-Serial对应的平台公钥加密 (the field does not decrypt with the named platform key)",
                pointer, "does not decrypt with the platform key named in Wechatpay-Serial");
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(plaintext);
        }
        catch (DecoderFallbackException)
        {
            throw SandboxError.ParamError($"敏感字段{pointer}解密后不是UTF-8文本 (the decrypted field is not UTF-8)", pointer, "decrypts to bytes that are not UTF-8");
        }
    }

    /// <summary>Encrypts an answer field to the merchant's public key, as WeChat Pay does.</summary>
    public static string EncryptFor(SandboxMerchant merchant, string plaintext) =>
        Convert.ToBase64String(merchant.PublicKey.Encrypt(Encoding.UTF8.GetBytes(plaintext)));

    private SandboxKey RequestKey(RouteContext context)
    {
        var serial = context.Request.GetHeader("Wechatpay-Serial");
        if (string.IsNullOrEmpty(serial))
            throw SandboxError.ParamError("请求带有敏感信息，HTTP头Wechatpay-Serial不能为空 (a request with sensitive fields must name the platform key in Wechatpay-Serial)",
                "Wechatpay-Serial", "required when the body has sensitive fields", "header");
        if (!platform.TryGetKey(serial, out var key, out _) || key.Scheme != context.Merchant.Scheme)
            throw SandboxError.ParamError("Wechatpay-Serial不是有效的微信支付平台证书序列号或公钥ID (Wechatpay-Serial names no platform key of this merchant's scheme)",
                "Wechatpay-Serial", "names no platform key of the merchant's signature scheme", "header", serial);
        return key;
    }
}
