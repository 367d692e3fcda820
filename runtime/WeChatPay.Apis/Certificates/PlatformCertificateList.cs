namespace WeChatPay.Apis.Certificates;

/// <summary>The answer to 下载平台证书.</summary>
public sealed class PlatformCertificateList
{
    /// <summary>The certificates (<c>data</c>).</summary>
    public List<PlatformCertificate> Data { get; set; } = [];
}

/// <summary>One platform certificate (<c>data[]</c>).</summary>
public sealed class PlatformCertificate
{
    /// <summary>Its serial number, which answers name in <c>Wechatpay-Serial</c> (<c>serial_no</c>).</summary>
    public string SerialNo { get; set; } = "";

    /// <summary>When it starts to be valid (<c>effective_time</c>).</summary>
    public DateTimeOffset EffectiveTime { get; set; }

    /// <summary>When it expires (<c>expire_time</c>).</summary>
    public DateTimeOffset ExpireTime { get; set; }

    /// <summary>The PEM, encrypted with the APIv3 key (<c>encrypt_certificate</c>).</summary>
    public EncryptedCertificate EncryptCertificate { get; set; } = new();
}

/// <summary>An AEAD-encrypted certificate (<c>encrypt_certificate</c>).</summary>
public sealed class EncryptedCertificate
{
    /// <summary><c>AEAD_AES_256_GCM</c> or <c>AEAD_SM4_GCM</c> (<c>algorithm</c>).</summary>
    public string Algorithm { get; set; } = "";

    /// <summary>The nonce (<c>nonce</c>).</summary>
    public string Nonce { get; set; } = "";

    /// <summary>The associated data (<c>associated_data</c>).</summary>
    public string? AssociatedData { get; set; }

    /// <summary>The Base64 ciphertext and tag (<c>ciphertext</c>).</summary>
    public string Ciphertext { get; set; } = "";
}
