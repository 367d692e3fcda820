namespace WeChatPay;

/// <summary>Whether a platform key is a WeChat Pay public key or a platform certificate's key.</summary>
public enum PlatformKeyKind
{
    /// <summary>A WeChat Pay public key, whose ID looks like <c>PUB_KEY_ID_…</c>.</summary>
    PublicKey = 0,

    /// <summary>A platform certificate (平台证书), whose ID is the certificate's serial number.</summary>
    Certificate = 1,
}

/// <summary>
/// A WeChat Pay platform key: it verifies response and notification signatures and encrypts sensitive request
/// fields. <see cref="Id"/> is what <c>Wechatpay-Serial</c> names.
/// </summary>
public sealed partial class PlatformKey
{
    /// <summary>The key ID: <c>PUB_KEY_ID_…</c> or the certificate serial (upper-case hex).</summary>
    public string Id { get; } = "";

    /// <summary>Public key or certificate.</summary>
    public PlatformKeyKind Kind { get; }

    /// <summary>RSA or ShangMi (SM2).</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>A WeChat Pay public key (public-key mode) from SPKI PEM text (<c>pub_key.pem</c>).</summary>
    /// <exception cref="WeChatPayConfigurationException">The ID or the PEM is invalid.</exception>
    public static PlatformKey FromPublicKeyPem(string publicKeyId, string pem) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>A platform certificate's key from the certificate's PEM text; the ID is its serial number.</summary>
    /// <exception cref="WeChatPayConfigurationException">The PEM is not a usable certificate.</exception>
    public static PlatformKey FromCertificatePem(string pem) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>Verifies a base64 WeChat Pay signature over <paramref name="message"/>. Returns false on any mismatch.</summary>
    public bool Verify(ReadOnlySpan<byte> message, string signatureBase64) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>Encrypts a sensitive field: RSA-OAEP (SHA-1, MGF1-SHA-1) or SM2 (C1C3C2, ASN.1), in base64.</summary>
    public string Encrypt(string plaintext) => throw new NotImplementedException("TODO(crypto)");

    /// <inheritdoc/>
    public override string ToString() => $"PlatformKey {{ Id = {Id}, Kind = {Kind}, Scheme = {Scheme} }}";
}
