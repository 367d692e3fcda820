using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing;

/// <summary>
/// A merchant registered with the sandbox: its mchid, the serial and public key of its API certificate, and its
/// APIv3 key. <see cref="ToString"/> leaves out the APIv3 key and the private key.
/// </summary>
public sealed class SandboxMerchant
{
    internal SandboxMerchant(string merchantId, string serialNumber, SandboxKey publicKey, string apiV3Key, string? privateKeyPem)
    {
        MerchantId = merchantId;
        MerchantSerialNumber = serialNumber;
        PublicKey = publicKey;
        ApiV3Key = apiV3Key;
        PrivateKeyPem = privateKeyPem;
    }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string MerchantId { get; }

    /// <summary>The serial number of the merchant API certificate, which <c>serial_no</c> must name.</summary>
    public string MerchantSerialNumber { get; }

    /// <summary>RSA or ShangMi, from the merchant's key.</summary>
    public SignatureScheme Scheme => PublicKey.Scheme;

    /// <summary>The APIv3 key that encrypts certificates and notifications for this merchant.</summary>
    public string ApiV3Key { get; }

    /// <summary>The merchant private key (PKCS#8 PEM), when the sandbox generated the merchant; otherwise null.</summary>
    public string? PrivateKeyPem { get; }

    /// <summary>The merchant public key (SPKI PEM) the sandbox verifies request signatures with.</summary>
    public string PublicKeyPem => PublicKey.ExportPublicKeyPem();

    internal SandboxKey PublicKey { get; }

    /// <inheritdoc/>
    public override string ToString() => $"SandboxMerchant {{ MerchantId = {MerchantId}, MerchantSerialNumber = {MerchantSerialNumber}, Scheme = {Scheme} }}";
}
