namespace WeChatPay;

/// <summary>
/// The merchant private key (<c>apiclient_key.pem</c>): signs requests and decrypts sensitive response fields.
/// Loaded from PKCS#8, PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>), encrypted PKCS#8, or an SM2 key in ShangMi mode.
/// <see cref="ToString"/> and every error message leave the key out.
/// </summary>
public sealed partial class MerchantPrivateKey : IDisposable
{
    /// <summary>RSA or ShangMi (SM2).</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>Reads a key from PEM text.</summary>
    /// <exception cref="WeChatPayConfigurationException">The text is not a usable private key, or the passphrase is wrong.</exception>
    public static MerchantPrivateKey FromPem(string pem, string? passphrase = null) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>Reads a key from a PEM file.</summary>
    /// <exception cref="WeChatPayConfigurationException">The file is missing or is not a usable private key.</exception>
    public static MerchantPrivateKey FromFile(string path, string? passphrase = null) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>Signs <paramref name="message"/>: RSA PKCS#1 v1.5 SHA-256, or SM2 with SM3 and the default signer ID; base64.</summary>
    public string Sign(ReadOnlySpan<byte> message) => throw new NotImplementedException("TODO(crypto)");

    /// <summary>Decrypts a base64 sensitive field encrypted to the merchant's public key.</summary>
    /// <exception cref="WeChatPayException">The ciphertext does not decrypt with this key.</exception>
    public string Decrypt(string ciphertextBase64) => throw new NotImplementedException("TODO(crypto)");

    /// <inheritdoc/>
    public void Dispose() { }

    /// <inheritdoc/>
    public override string ToString() => $"MerchantPrivateKey {{ Scheme = {Scheme} }}";
}
