using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Pkcs;

namespace WeChatPay;

/// <summary>
/// The merchant private key (<c>apiclient_key.pem</c>): signs requests and decrypts sensitive response fields.
/// Loaded from PKCS#8, PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>), encrypted PKCS#8, or an SM2 key in ShangMi mode.
/// <see cref="ToString"/> and every error message leave the key out. Thread-safe.
/// </summary>
public sealed partial class MerchantPrivateKey : IDisposable
{
    /// <summary>The smallest RSA key WeChat Pay accepts, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    private readonly RSA? _rsa;
    private readonly Sm2PrivateKey? _sm2;

    private MerchantPrivateKey(RSA rsa)
    {
        _rsa = rsa;
        Scheme = SignatureScheme.Rsa;
    }

    private MerchantPrivateKey(Sm2PrivateKey sm2)
    {
        _sm2 = sm2;
        Scheme = SignatureScheme.ShangMi;
    }

    /// <summary>RSA or ShangMi (SM2).</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>The longest base64 signature this key produces, in characters.</summary>
    internal int MaxSignatureChars => _rsa is { } rsa ? ((rsa.KeySize + 7) / 8 + 2) / 3 * 4 : 96;

    /// <summary>The RSA key, in RSA mode.</summary>
    internal RSA? Rsa => _rsa;

    /// <summary>The SM2 key, in ShangMi mode.</summary>
    internal Sm2PrivateKey? Sm2Key => _sm2;

    /// <summary>Reads a key from PEM text.</summary>
    /// <param name="pem">
    /// The PEM text: PKCS#8, PKCS#1, encrypted PKCS#8, or an SM2 key (PKCS#8, or SEC1 labelled <c>EC PRIVATE KEY</c>
    /// or, as OpenSSL 3 writes it, <c>SM2 PRIVATE KEY</c>).
    /// </param>
    /// <param name="passphrase">The passphrase of an encrypted PKCS#8 key; ignored otherwise.</param>
    /// <exception cref="WeChatPayConfigurationException">The text is not a usable private key, or the passphrase is wrong.</exception>
    public static MerchantPrivateKey FromPem(string pem, string? passphrase = null)
    {
        if (string.IsNullOrWhiteSpace(pem))
            throw new WeChatPayConfigurationException("The merchant private key is empty; pass the content of apiclient_key.pem.");

        var blocks = PemText.Blocks(pem);
        if (blocks.Count == 0)
        {
            if (pem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
                throw new WeChatPayConfigurationException("The merchant private key is a legacy encrypted PEM (Proc-Type: 4,ENCRYPTED), which is not supported; convert it with `openssl pkcs8 -topk8`.");
            throw new WeChatPayConfigurationException("The merchant private key is not PEM text; expected -----BEGIN PRIVATE KEY----- (the content of apiclient_key.pem).");
        }

        try
        {
            foreach (var block in blocks)
            {
                switch (block.Label)
                {
                    case "PRIVATE KEY":
                        return FromPkcs8(block.Der);
                    case "RSA PRIVATE KEY":
                        return ImportRsa(rsa => rsa.ImportRSAPrivateKey(block.Der, out _), "PKCS#1");
                    case "ENCRYPTED PRIVATE KEY":
                        return FromEncryptedPkcs8(block.Der, passphrase);
                    case "EC PRIVATE KEY" or "SM2 PRIVATE KEY":
                        if (!ShangMiSupport.IsSupported)
                            throw ShangMiSupport.NotConfigurable("The merchant private key");
                        return new MerchantPrivateKey(Sm2PrivateKey.FromDer("EC PRIVATE KEY", block.Der));
                }
            }
        }
        finally
        {
            // The decoded key bytes are no longer needed once imported; do not leave them for the GC to find.
            foreach (var block in blocks)
                CryptographicOperations.ZeroMemory(block.Der);
        }

        var first = blocks[0].Label;
        if (first is "CERTIFICATE" or "TRUSTED CERTIFICATE")
            throw new WeChatPayConfigurationException("A certificate was given instead of the merchant private key; pass apiclient_key.pem, not apiclient_cert.pem.");
        if (first is "PUBLIC KEY" or "RSA PUBLIC KEY")
            throw new WeChatPayConfigurationException("A public key was given instead of the merchant private key; pass apiclient_key.pem.");
        throw new WeChatPayConfigurationException($"The PEM block type '{first}' is not a supported private key; expected PRIVATE KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or SM2 PRIVATE KEY.");
    }

    /// <summary>
    /// Wraps an RSA private key the caller has already loaded (for example from a key vault or an HSM-backed
    /// <see cref="RSA"/> implementation). The returned key owns <paramref name="privateKey"/> and disposes it.
    /// </summary>
    /// <exception cref="WeChatPayConfigurationException">The key is smaller than 2048 bits.</exception>
    public static MerchantPrivateKey FromRsa(RSA privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize < MinimumRsaKeySize)
            throw new WeChatPayConfigurationException($"The merchant RSA key has {privateKey.KeySize} bits; WeChat Pay requires at least {MinimumRsaKeySize}.");
        return new MerchantPrivateKey(privateKey);
    }

    /// <summary>Wraps an SM2 private key (ShangMi mode).</summary>
    /// <exception cref="NotSupportedException">The application turned ShangMi support off.</exception>
    public static MerchantPrivateKey FromSm2(Sm2PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        return new MerchantPrivateKey(privateKey);
    }

    /// <summary>Reads a key from a PEM file.</summary>
    /// <exception cref="WeChatPayConfigurationException">The file is missing or is not a usable private key.</exception>
    public static MerchantPrivateKey FromFile(string path, string? passphrase = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new WeChatPayConfigurationException("The merchant private key path is empty.");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WeChatPayConfigurationException($"The merchant private key file '{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WeChatPayConfigurationException($"The merchant private key file '{path}' cannot be read: {e.GetType().Name}.", e);
        }

        return FromPem(text, passphrase);
    }

    /// <summary>Signs <paramref name="message"/>: RSA PKCS#1 v1.5 SHA-256, or SM2 with SM3 and the default signer ID; base64.</summary>
    public string Sign(ReadOnlySpan<byte> message)
    {
        Span<char> chars = stackalloc char[MaxSignatureChars];
        if (!TrySign(message, chars, out var written))
            throw new CryptographicException("The signature did not fit its buffer.");
        return new string(chars[..written]);
    }

    /// <summary>
    /// Signs <paramref name="message"/> and writes the base64 signature into <paramref name="base64Destination"/>,
    /// which must hold <see cref="MaxSignatureChars"/> characters. The signer's hot path: no managed allocation in RSA mode
    /// beyond what the platform's RSA needs.
    /// </summary>
    internal bool TrySign(ReadOnlySpan<byte> message, Span<char> base64Destination, out int charsWritten)
    {
        if (_rsa is { } rsa)
        {
            Span<byte> signature = stackalloc byte[1024];
            if (rsa.TrySignData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out var bytes))
                return Convert.TryToBase64Chars(signature[..bytes], base64Destination, out charsWritten);
            charsWritten = 0;
            return false;
        }

        var sm2Signature = Sm2.Sign(_sm2!, message);
        return Convert.TryToBase64Chars(sm2Signature, base64Destination, out charsWritten);
    }

    /// <summary>Decrypts a base64 sensitive field encrypted to the merchant's public key.</summary>
    /// <exception cref="WeChatPayException">The ciphertext does not decrypt with this key.</exception>
    public string Decrypt(string ciphertextBase64)
    {
        ArgumentNullException.ThrowIfNull(ciphertextBase64);
        if (_rsa is { } rsa)
            return RsaOaep.Decrypt(rsa, ciphertextBase64);

        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException)
        {
            throw new WeChatPayException("The SM2 ciphertext is not valid base64.");
        }

        return Encoding.UTF8.GetString(Sm2.Decrypt(_sm2!, ciphertext));
    }

    /// <inheritdoc/>
    public void Dispose() => _rsa?.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"MerchantPrivateKey {{ Scheme = {Scheme} }}";

    private static MerchantPrivateKey FromPkcs8(byte[] der)
    {
        var algorithm = KeyStructures.ReadPrivateKeyAlgorithm(der);
        if (algorithm.IsSm2)
        {
            if (!ShangMiSupport.IsSupported)
                throw ShangMiSupport.NotConfigurable("The merchant private key");
            return new MerchantPrivateKey(Sm2PrivateKey.FromDer("PRIVATE KEY", der));
        }

        if (!algorithm.IsRsa)
            throw new WeChatPayConfigurationException($"The merchant private key's algorithm ({algorithm.Oid}) is not supported; expected RSA, or SM2 in ShangMi mode.");
        return ImportRsa(rsa => rsa.ImportPkcs8PrivateKey(der, out _), "PKCS#8");
    }

    private static MerchantPrivateKey FromEncryptedPkcs8(byte[] der, string? passphrase)
    {
        if (string.IsNullOrEmpty(passphrase))
            throw new WeChatPayConfigurationException("The merchant private key is encrypted (ENCRYPTED PRIVATE KEY); pass its passphrase.");

        // The common case, an RSA key, decrypts natively; anything else (an SM2 key) goes through BouncyCastle.
        var rsa = RSA.Create();
        try
        {
            rsa.ImportEncryptedPkcs8PrivateKey(passphrase.AsSpan(), der, out _);
            return CheckedRsa(rsa);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }

        if (!ShangMiSupport.IsSupported)
            throw new WeChatPayConfigurationException(
                "The encrypted merchant private key does not decrypt to an RSA key: the passphrase is wrong, or the key is corrupt. "
                + $"(An encrypted SM2 key would need ShangMi support, which is off in this application: <WeChatPayShangMiSupport>true</WeChatPayShangMiSupport>, the AppContext switch {ShangMiSupport.SwitchName}.)");
        return FromEncryptedSm2Pkcs8(der, passphrase);
    }

    private static MerchantPrivateKey FromEncryptedSm2Pkcs8(byte[] der, string passphrase)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotConfigurable("The merchant private key");
        PrivateKeyInfo info;
        try
        {
            var encrypted = EncryptedPrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
            info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(passphrase.ToCharArray(), encrypted);
        }
        catch (Exception)
        {
            // BouncyCastle reports a wrong passphrase through several exception types; none carries the key.
            throw new WeChatPayConfigurationException("The encrypted merchant private key does not decrypt: the passphrase is wrong, or the key is corrupt.");
        }

        if (Sm2.IsSm2(info.PrivateKeyAlgorithm))
            return new MerchantPrivateKey(Sm2PrivateKey.FromDer("PRIVATE KEY", info.GetEncoded(Asn1Encodable.Der)));
        throw new WeChatPayConfigurationException("The encrypted merchant private key does not decrypt to a supported RSA or SM2 key: the passphrase is wrong, or the key type is unsupported.");
    }

    private static MerchantPrivateKey ImportRsa(Action<RSA> import, string format)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new WeChatPayConfigurationException($"The merchant private key is not a valid {format} RSA key.", e);
        }

        return CheckedRsa(rsa);
    }

    private static MerchantPrivateKey CheckedRsa(RSA rsa)
    {
        if (rsa.KeySize < MinimumRsaKeySize)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            throw new WeChatPayConfigurationException($"The merchant RSA key has {size} bits; WeChat Pay requires at least {MinimumRsaKeySize}.");
        }

        return new MerchantPrivateKey(rsa);
    }
}
