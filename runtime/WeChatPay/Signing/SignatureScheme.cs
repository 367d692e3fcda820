namespace WeChatPay;

/// <summary>Which family of algorithms the merchant uses with WeChat Pay.</summary>
public enum SignatureScheme
{
    /// <summary><c>WECHATPAY2-SHA256-RSA2048</c>: RSA signatures, AEAD_AES_256_GCM, RSA-OAEP sensitive fields.</summary>
    Rsa = 0,

    /// <summary><c>WECHATPAY2-SM2-WITH-SM3</c> (国密): SM2 signatures, AEAD_SM4_GCM, SM2 sensitive fields.</summary>
    ShangMi = 1,
}
