using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.X509;

namespace WeChatPay.Tests.TestSupport;

/// <summary>
/// Keys and certificates for tests, made once per test run and cached: a merchant key, a platform certificate and a
/// WeChat Pay public key, for RSA (<see cref="Rsa"/>) and for ShangMi (<see cref="ShangMi"/>). Thread-safe.
/// Signing helpers here use the platform-side keys directly (System.Security.Cryptography for RSA, BouncyCastle's
/// SM2Signer for SM2), not the runtime's verification code, so that they stand in for WeChat Pay.
/// </summary>
public static class TestIdentities
{
    /// <summary>A merchant ID.</summary>
    public const string MerchantId = "1900000109";

    /// <summary>A merchant certificate serial number.</summary>
    public const string MerchantSerialNumber = "3775B6A45ACD588826D15E583A95F5DD2C6F7A7A";

    /// <summary>An APIv3 key (32 ASCII characters).</summary>
    public const string ApiV3Key = "TestApiV3Key0123456789abcdefghij";

    /// <summary>The passphrase of the encrypted PKCS#8 merchant keys.</summary>
    public const string Passphrase = "correct horse battery staple";

    /// <summary>The ID of the WeChat Pay public keys.</summary>
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";

    private static readonly Lazy<SchemeIdentity> s_rsa = new(CreateRsa, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SchemeIdentity> s_sm2 = new(CreateSm2, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The RSA identities (<c>WECHATPAY2-SHA256-RSA2048</c>).</summary>
    public static SchemeIdentity Rsa => s_rsa.Value;

    /// <summary>The SM2 identities (<c>WECHATPAY2-SM2-WITH-SM3</c>).</summary>
    public static SchemeIdentity ShangMi => s_sm2.Value;

    /// <summary>The identities of <paramref name="scheme"/>.</summary>
    public static SchemeIdentity For(SignatureScheme scheme) => scheme == SignatureScheme.ShangMi ? ShangMi : Rsa;

    private static SchemeIdentity CreateRsa()
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        using var publicKey = RSA.Create(2048);

        var serial = Convert.FromHexString("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        var request = new CertificateRequest("CN=Tenpay.com Root CA Test, O=WeChat Pay Test", platform, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(platform, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(5), serial);

        var encrypted = merchant.ExportEncryptedPkcs8PrivateKeyPem(Passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
        return new SchemeIdentity(
            SignatureScheme.Rsa,
            merchantPrivateKeyPem: merchant.ExportPkcs8PrivateKeyPem(),
            merchantPrivateKeyLegacyPem: merchant.ExportRSAPrivateKeyPem(),
            encryptedPem: () => encrypted,
            merchantPublicKeyPem: merchant.ExportSubjectPublicKeyInfoPem(),
            platformCertificatePem: certificate.ExportCertificatePem(),
            platformCertificateSerial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            platformCertificatePrivateKeyPem: platform.ExportPkcs8PrivateKeyPem(),
            publicKeyPem: publicKey.ExportSubjectPublicKeyInfoPem(),
            publicKeyPrivateKeyPem: publicKey.ExportPkcs8PrivateKeyPem());
    }

    private static SchemeIdentity CreateSm2()
    {
        var merchant = Sm2.GenerateKey();
        var platform = Sm2.GenerateKey();
        var publicKey = Sm2.GenerateKey();
        var serial = "7132D5F8E2B38F6A4C1E0D9B8A7F6E5D4C3B2A19";

        var generator = new X509V3CertificateGenerator();
        var name = new X509Name("CN=Tenpay.com SM2 CA Test, O=WeChat Pay Test");
        generator.SetSerialNumber(new Org.BouncyCastle.Math.BigInteger(serial, 16));
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddYears(5));
        generator.SetPublicKey(platform.PublicKey.Parameters);
        var certificate = generator.Generate(new Asn1SignatureFactory("SM3WITHSM2", platform.Parameters, Sm2.Random));
        var certificatePem = new string(PemEncoding.Write("CERTIFICATE", certificate.GetEncoded()));

        // SEC1 "EC PRIVATE KEY" with the named curve, as `openssl ec` writes it.
        var sec1 = new ECPrivateKeyStructure(256, merchant.Parameters.D, new DerBitString(merchant.PublicKey.Parameters.Q.GetEncoded(false)), GMObjectIdentifiers.sm2p256v1);
        var sec1Pem = new string(PemEncoding.Write("EC PRIVATE KEY", sec1.GetEncoded(Asn1Encodable.Der)));
        var pkcs8 = merchant.ExportPkcs8Pem();

        return new SchemeIdentity(
            SignatureScheme.ShangMi,
            merchantPrivateKeyPem: pkcs8,
            merchantPrivateKeyLegacyPem: sec1Pem,
            encryptedPem: () => EncryptWithOpenSsl(pkcs8),
            merchantPublicKeyPem: merchant.PublicKey.ExportSubjectPublicKeyInfoPem(),
            platformCertificatePem: certificatePem,
            platformCertificateSerial: serial,
            platformCertificatePrivateKeyPem: platform.ExportPkcs8Pem(),
            publicKeyPem: publicKey.PublicKey.ExportSubjectPublicKeyInfoPem(),
            publicKeyPrivateKeyPem: publicKey.ExportPkcs8Pem());
    }

    // BouncyCastle's PKCS#8 encryptor and .NET's cannot write an SM2 key with PBES2 as deployed keys have it; openssl can.
    private static string EncryptWithOpenSsl(string pkcs8Pem)
    {
        using var directory = new TempDirectory();
        var input = directory.Write("sm2.pem", pkcs8Pem);
        return System.Text.Encoding.ASCII.GetString(OpenSsl.RunChecked("pkcs8", "-topk8", "-in", input, "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-passout", "pass:" + Passphrase));
    }
}

/// <summary>
/// One scheme's test identities: the merchant key (in every PEM form), the platform certificate and the WeChat Pay
/// public key, with the private halves that stand in for WeChat Pay.
/// </summary>
public sealed class SchemeIdentity
{
    private readonly Lazy<string> _encryptedPem;

    internal SchemeIdentity(SignatureScheme scheme, string merchantPrivateKeyPem, string merchantPrivateKeyLegacyPem, Func<string> encryptedPem,
        string merchantPublicKeyPem, string platformCertificatePem, string platformCertificateSerial, string platformCertificatePrivateKeyPem,
        string publicKeyPem, string publicKeyPrivateKeyPem)
    {
        Scheme = scheme;
        MerchantPrivateKeyPem = merchantPrivateKeyPem;
        MerchantPrivateKeyLegacyPem = merchantPrivateKeyLegacyPem;
        _encryptedPem = new Lazy<string>(encryptedPem, LazyThreadSafetyMode.ExecutionAndPublication);
        MerchantPublicKeyPem = merchantPublicKeyPem;
        PlatformCertificatePem = platformCertificatePem;
        PlatformCertificateSerial = platformCertificateSerial;
        PlatformCertificatePrivateKeyPem = platformCertificatePrivateKeyPem;
        PublicKeyPem = publicKeyPem;
        PublicKeyPrivateKeyPem = publicKeyPrivateKeyPem;
    }

    /// <summary>RSA or ShangMi.</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>The wire name of the scheme.</summary>
    public string SchemeName => Scheme.ToName();

    /// <summary>The merchant private key, unencrypted PKCS#8 (<c>BEGIN PRIVATE KEY</c>).</summary>
    public string MerchantPrivateKeyPem { get; }

    /// <summary>The merchant private key in its legacy form: PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>) for RSA, SEC1 (<c>BEGIN EC PRIVATE KEY</c>) for SM2.</summary>
    public string MerchantPrivateKeyLegacyPem { get; }

    /// <summary>The merchant private key, encrypted PKCS#8 with <see cref="TestIdentities.Passphrase"/> (PBES2, AES-256-CBC). For SM2, made by openssl on first use.</summary>
    public string MerchantPrivateKeyEncryptedPem => _encryptedPem.Value;

    /// <summary>The merchant public key (SPKI PEM), with which a sandbox verifies requests.</summary>
    public string MerchantPublicKeyPem { get; }

    /// <summary>The self-signed platform certificate (PEM), valid from a day ago for five years.</summary>
    public string PlatformCertificatePem { get; }

    /// <summary>The platform certificate's serial, upper-case hex, as <c>Wechatpay-Serial</c> names it.</summary>
    public string PlatformCertificateSerial { get; }

    /// <summary>The platform certificate's private key (PKCS#8 PEM), with which WeChat Pay signs responses.</summary>
    public string PlatformCertificatePrivateKeyPem { get; }

    /// <summary>The WeChat Pay public key (SPKI PEM, <c>pub_key.pem</c>).</summary>
    public string PublicKeyPem { get; }

    /// <summary>The private half of the WeChat Pay public key (PKCS#8 PEM).</summary>
    public string PublicKeyPrivateKeyPem { get; }

    /// <summary>The WeChat Pay public key ID.</summary>
    public string PublicKeyId => TestIdentities.PublicKeyId;

    /// <summary>Loads the merchant private key through the runtime.</summary>
    public MerchantPrivateKey CreateMerchantKey() => MerchantPrivateKey.FromPem(MerchantPrivateKeyPem);

    /// <summary>Loads the WeChat Pay public key through the runtime.</summary>
    public PlatformKey CreatePublicKey() => PlatformKey.FromPublicKeyPem(PublicKeyId, PublicKeyPem);

    /// <summary>Loads the platform certificate through the runtime.</summary>
    public PlatformKey CreatePlatformCertificate() => PlatformKey.FromCertificatePem(PlatformCertificatePem);

    /// <summary>A request signer for <see cref="TestIdentities.MerchantId"/> over the merchant key.</summary>
    public RequestSigner CreateSigner(TimeProvider timeProvider)
        => new(TestIdentities.MerchantId, TestIdentities.MerchantSerialNumber, CreateMerchantKey(), timeProvider);

    /// <summary>Signs <paramref name="message"/> as WeChat Pay does with the WeChat Pay public key's private half; base64.</summary>
    public string SignAsPublicKey(ReadOnlySpan<byte> message) => SignWith(PublicKeyPrivateKeyPem, message);

    /// <summary>Signs <paramref name="message"/> as WeChat Pay does with the platform certificate's private key; base64.</summary>
    public string SignAsPlatformCertificate(ReadOnlySpan<byte> message) => SignWith(PlatformCertificatePrivateKeyPem, message);

    /// <summary>
    /// The signature headers WeChat Pay would send with <paramref name="body"/>: signed over
    /// <c>TIMESTAMP\nNONCE\nBODY\n</c> by the public key (default) or the platform certificate.
    /// </summary>
    public SignatureHeaders SignResponse(ReadOnlySpan<byte> body, long timestamp, string nonce, bool withCertificate = false)
    {
        var head = System.Text.Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        var signature = withCertificate ? SignAsPlatformCertificate(message) : SignAsPublicKey(message);
        return new SignatureHeaders(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), nonce, signature,
            withCertificate ? PlatformCertificateSerial : PublicKeyId, SchemeName);
    }

    private string SignWith(string privateKeyPem, ReadOnlySpan<byte> message)
    {
        if (Scheme == SignatureScheme.Rsa)
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(privateKeyPem);
            return Convert.ToBase64String(rsa.SignData(message.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        // BouncyCastle's SM2Signer directly, not the runtime's Sm2 class.
        var key = Sm2.ImportPrivateKeyPem(privateKeyPem);
        var signer = new SM2Signer(StandardDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key.Parameters, new Org.BouncyCastle.Security.SecureRandom()), "1234567812345678"u8.ToArray()));
        signer.BlockUpdate(message);
        return Convert.ToBase64String(signer.GenerateSignature());
    }
}
