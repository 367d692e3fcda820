using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

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
/// fields. <see cref="Id"/> is what <c>Wechatpay-Serial</c> names. Thread-safe.
/// </summary>
public sealed partial class PlatformKey
{
    /// <summary>The prefix of every WeChat Pay public key ID.</summary>
    public const string PublicKeyIdPrefix = "PUB_KEY_ID_";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");

    private readonly RSA? _rsa;
    private readonly Sm2PublicKey? _sm2;

    private PlatformKey(string id, PlatformKeyKind kind, RSA? rsa, Sm2PublicKey? sm2, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        Id = id;
        Kind = kind;
        _rsa = rsa;
        _sm2 = sm2;
        Scheme = rsa is null ? SignatureScheme.ShangMi : SignatureScheme.Rsa;
        NotBefore = notBefore;
        NotAfter = notAfter;
    }

    /// <summary>The key ID: <c>PUB_KEY_ID_…</c> or the certificate serial (upper-case hex).</summary>
    public string Id { get; } = "";

    /// <summary>Public key or certificate.</summary>
    public PlatformKeyKind Kind { get; }

    /// <summary>RSA or ShangMi (SM2).</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>The certificate's start of validity; <see langword="null"/> for a public key.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>The certificate's end of validity; <see langword="null"/> for a public key.</summary>
    public DateTimeOffset? NotAfter { get; }

    /// <summary>
    /// The certificate as PEM text (public, for saving a downloaded certificate); <see langword="null"/> for a public key.
    /// </summary>
    public string? CertificatePem { get; private init; }

    /// <summary>The RSA key, in RSA mode.</summary>
    internal RSA? Rsa => _rsa;

    /// <summary>The SM2 key, in ShangMi mode.</summary>
    internal Sm2PublicKey? Sm2Key => _sm2;

    /// <summary>A WeChat Pay public key (public-key mode) from SPKI PEM text (<c>pub_key.pem</c>), RSA or SM2.</summary>
    /// <exception cref="WeChatPayConfigurationException">The ID or the PEM is invalid.</exception>
    public static PlatformKey FromPublicKeyPem(string publicKeyId, string pem)
    {
        if (string.IsNullOrEmpty(publicKeyId) || !publicKeyId.StartsWith(PublicKeyIdPrefix, StringComparison.Ordinal) || publicKeyId.Length == PublicKeyIdPrefix.Length)
            throw new WeChatPayConfigurationException($"The WeChat Pay public key ID must start with '{PublicKeyIdPrefix}' (as shown in the merchant platform).");
        if (string.IsNullOrWhiteSpace(pem))
            throw new WeChatPayConfigurationException("The WeChat Pay public key is empty; pass the content of pub_key.pem.");

        foreach (var block in PemText.Blocks(pem))
        {
            switch (block.Label)
            {
                case "PUBLIC KEY":
                    var (rsa, sm2) = FromSubjectPublicKeyInfo(block.Der, "The WeChat Pay public key");
                    return new PlatformKey(publicKeyId, PlatformKeyKind.PublicKey, rsa, sm2, null, null);
                case "RSA PUBLIC KEY":
                    var pkcs1 = RSA.Create();
                    try
                    {
                        pkcs1.ImportRSAPublicKey(block.Der, out _);
                    }
                    catch (CryptographicException e)
                    {
                        pkcs1.Dispose();
                        throw new WeChatPayConfigurationException("The WeChat Pay public key is not a valid PKCS#1 RSA public key.", e);
                    }

                    return new PlatformKey(publicKeyId, PlatformKeyKind.PublicKey, CheckedRsa(pkcs1, "The WeChat Pay public key"), null, null, null);
                case "PRIVATE KEY" or "RSA PRIVATE KEY" or "ENCRYPTED PRIVATE KEY" or "EC PRIVATE KEY":
                    throw new WeChatPayConfigurationException("A private key was given instead of the WeChat Pay public key; pass pub_key.pem.");
                case "CERTIFICATE":
                    throw new WeChatPayConfigurationException("A certificate was given as the WeChat Pay public key; configure it as a platform certificate instead.");
            }
        }

        throw new WeChatPayConfigurationException("The WeChat Pay public key is not PEM text; expected -----BEGIN PUBLIC KEY----- (the content of pub_key.pem).");
    }

    /// <summary>A platform certificate's key from the certificate's PEM text (RSA or SM2); the ID is its serial number.</summary>
    /// <exception cref="WeChatPayConfigurationException">The PEM is not a usable certificate.</exception>
    public static PlatformKey FromCertificatePem(string pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
            throw new WeChatPayConfigurationException("The platform certificate is empty.");
        foreach (var block in PemText.Blocks(pem))
        {
            if (block.Label == "CERTIFICATE")
                return FromCertificateDer(block.Der);
            if (block.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
                throw new WeChatPayConfigurationException("A private key was given instead of a platform certificate.");
            if (block.Label.EndsWith("PUBLIC KEY", StringComparison.Ordinal))
                throw new WeChatPayConfigurationException("A public key was given instead of a platform certificate; configure it as a WeChat Pay public key with its PUB_KEY_ID_ instead.");
        }

        throw new WeChatPayConfigurationException("The platform certificate is not PEM text; expected -----BEGIN CERTIFICATE-----.");
    }

    /// <summary>A platform certificate's key from DER bytes (RSA or SM2); the ID is its serial number.</summary>
    internal static PlatformKey FromCertificateDer(byte[] der)
    {
        var certificate = KeyStructures.ReadCertificate(der);
        var (rsa, sm2) = FromSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo, "The platform certificate's key");
        return new PlatformKey(FormatSerial(certificate.SerialNumber), PlatformKeyKind.Certificate, rsa, sm2, certificate.NotBefore, certificate.NotAfter)
        {
            CertificatePem = PemEncoding.WriteString("CERTIFICATE", der),
        };
    }

    /// <summary>A platform certificate's key from a certificate .NET has already parsed (RSA only; .NET cannot parse SM2 certificates).</summary>
    internal static PlatformKey FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPublicKey()
            ?? throw new WeChatPayConfigurationException("The platform certificate's key is not RSA; SM2 certificates must be loaded from PEM or DER.");
        var serial = certificate.GetSerialNumber(); // little-endian
        Array.Reverse(serial);
        return new PlatformKey(FormatSerial(serial), PlatformKeyKind.Certificate,
            CheckedRsa(rsa, "The platform certificate's key"), null, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime())
        {
            CertificatePem = certificate.ExportCertificatePem(),
        };
    }

    /// <summary>A WeChat Pay public key from an already-imported RSA key (for tests and sandboxes).</summary>
    internal static PlatformKey FromRsaPublicKey(string publicKeyId, RSA publicKey)
        => new(publicKeyId, PlatformKeyKind.PublicKey, publicKey, null, null, null);

    /// <summary>
    /// The form WeChat Pay uses for a certificate serial: upper-case hex of the serial's unsigned big-endian bytes,
    /// without the DER sign byte (<c>00</c>) that <see cref="X509Certificate2.SerialNumber"/> keeps when the top bit
    /// is set. The official SDKs differ on a leading zero nibble (<c>%X</c> drops it, OpenSSL keeps it), so
    /// <see cref="PlatformKeyStore"/> compares certificate serials ignoring case and leading zeros.
    /// </summary>
    internal static string FormatSerial(ReadOnlySpan<byte> bigEndianSerial)
    {
        var start = 0;
        while (start < bigEndianSerial.Length - 1 && bigEndianSerial[start] == 0)
            start++;
        return Convert.ToHexString(bigEndianSerial[start..]);
    }

    /// <summary>
    /// Whether <paramref name="id"/> names this key: a certificate serial matches ignoring case and leading zeros
    /// (the official SDKs print serials differently), any other ID (<c>PUB_KEY_ID_…</c>) matches exactly.
    /// </summary>
    public bool MatchesId(string? id) => !string.IsNullOrEmpty(id) && string.Equals(NormalizeId(id), NormalizeId(Id), StringComparison.Ordinal);

    // Certificate serials are hex and lose case and leading zeros; anything else (PUB_KEY_ID_…) is kept as it is.
    internal static string NormalizeId(string id)
    {
        if (id.Length == 0 || id.AsSpan().ContainsAnyExcept(HexDigits))
            return id;
        var trimmed = id.AsSpan().TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString().ToUpperInvariant();
    }

    /// <summary>Verifies a base64 WeChat Pay signature over <paramref name="message"/>. Returns false on any mismatch or malformed input; never throws for bad input.</summary>
    public bool Verify(ReadOnlySpan<byte> message, string signatureBase64)
    {
        if (string.IsNullOrEmpty(signatureBase64) || signatureBase64.Length > 4096)
            return false;
        Span<byte> signature = stackalloc byte[signatureBase64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
            return false;
        return Verify(message, signature[..length]);
    }

    /// <summary>Verifies a raw signature (RSA PKCS#1 v1.5 SHA-256, or DER SM2 with SM3) over <paramref name="message"/>.</summary>
    internal bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (_rsa is { } rsa)
        {
            try
            {
                return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        return Sm2.Verify(_sm2!, message, signature);
    }

    /// <summary>Encrypts a sensitive field: RSA-OAEP (SHA-1, MGF1-SHA-1) or SM2 (C1C3C2, ASN.1), in base64.</summary>
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (_rsa is { } rsa)
            return RsaOaep.Encrypt(rsa, plaintext);
        return Convert.ToBase64String(Sm2.Encrypt(_sm2!, Encoding.UTF8.GetBytes(plaintext)));
    }

    /// <inheritdoc/>
    public override string ToString() => $"PlatformKey {{ Id = {Id}, Kind = {Kind}, Scheme = {Scheme} }}";

    private static (RSA? Rsa, Sm2PublicKey? Sm2) FromSubjectPublicKeyInfo(byte[] der, string what)
    {
        var info = KeyStructures.ReadSubjectPublicKeyInfo(der);
        if (info.Algorithm.IsSm2)
        {
            if (!ShangMiSupport.IsSupported)
                throw ShangMiSupport.NotConfigurable(what);
            return (null, Sm2PublicKey.FromSubjectPublicKeyInfo(info));
        }

        if (info.Algorithm.IsOtherEc)
            throw new WeChatPayConfigurationException($"{what} is an EC key on another curve than SM2 (sm2p256v1); only RSA and SM2 keys are supported.");
        if (!info.Algorithm.IsRsa)
            throw new WeChatPayConfigurationException($"{what} uses an unsupported algorithm ({info.Algorithm.Oid}); expected RSA or SM2.");

        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new WeChatPayConfigurationException($"{what} is not a valid RSA public key.", e);
        }

        return (CheckedRsa(rsa, what), null);
    }

    private static RSA CheckedRsa(RSA rsa, string what)
    {
        if (rsa.KeySize < MerchantPrivateKey.MinimumRsaKeySize)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            throw new WeChatPayConfigurationException($"{what} has {size} bits; WeChat Pay keys have at least {MerchantPrivateKey.MinimumRsaKeySize}.");
        }

        return rsa;
    }
}
