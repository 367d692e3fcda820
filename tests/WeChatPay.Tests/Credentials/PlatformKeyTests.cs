using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Credentials;

public sealed class PlatformKeyTests
{
    private static readonly byte[] Message = "1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"a\":1}\n"u8.ToArray();

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Loads_a_wechat_pay_public_key(SignatureScheme scheme)
    {
        var key = PlatformKey.FromPublicKeyPem(TestIdentities.PublicKeyId, TestIdentities.For(scheme).PublicKeyPem);
        Assert.Equal(TestIdentities.PublicKeyId, key.Id);
        Assert.Equal(PlatformKeyKind.PublicKey, key.Kind);
        Assert.Equal(scheme, key.Scheme);
        Assert.Null(key.NotAfter);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Loads_a_platform_certificate_with_its_serial_and_validity(SignatureScheme scheme)
    {
        var identity = TestIdentities.For(scheme);
        var key = PlatformKey.FromCertificatePem(identity.PlatformCertificatePem);
        Assert.Equal(identity.PlatformCertificateSerial, key.Id);
        Assert.Equal(PlatformKeyKind.Certificate, key.Kind);
        Assert.Equal(scheme, key.Scheme);
        Assert.InRange(key.NotBefore!.Value, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow);
        Assert.InRange(key.NotAfter!.Value, DateTimeOffset.UtcNow.AddYears(5).AddDays(-1), DateTimeOffset.UtcNow.AddYears(5).AddDays(1));
    }

    [Fact]
    public void Certificate_id_is_the_serial_openssl_prints_even_when_its_top_bit_is_set()
    {
        using var directory = new TempDirectory();
        var certificateFile = directory.File("cert.pem");
        OpenSsl.RunChecked("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory.File("key.pem"), "-out", certificateFile,
            "-subj", "/CN=Test", "-days", "30", "-set_serial", "0xF157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        var printed = Encoding.ASCII.GetString(OpenSsl.RunChecked("x509", "-in", certificateFile, "-noout", "-serial")).Trim();

        var key = PlatformKey.FromCertificatePem(File.ReadAllText(certificateFile));
        Assert.Equal("serial=" + key.Id, printed);
        Assert.Equal("F157F09EFDC096DE15EBE81A47057A7232F1B8E1", key.Id);

        // .NET keeps the DER sign byte ("00F1…"); the id does not.
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        Assert.StartsWith("00", certificate.SerialNumber);
        var fromDotNet = PlatformKey.FromCertificate(certificate);
        Assert.Equal(key.Id, fromDotNet.Id);
        Assert.Equal(key.NotAfter, fromDotNet.NotAfter);
        Assert.Equal(key.NotBefore, fromDotNet.NotBefore);
    }

    [Fact]
    public void Certificate_validity_reads_both_utc_time_and_generalized_time()
    {
        // RFC 5280: dates through 2049 are UTCTime, from 2050 on GeneralizedTime; one certificate holds both.
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Validity", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notBefore = new DateTimeOffset(2049, 12, 31, 23, 59, 58, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(2051, 6, 1, 12, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);

        var key = PlatformKey.FromCertificatePem(certificate.ExportCertificatePem());

        Assert.Equal(notBefore, key.NotBefore);
        Assert.Equal(notAfter, key.NotAfter);
        Assert.Equal(PlatformKey.FormatSerial(Convert.FromHexString(certificate.SerialNumber)), key.Id);
    }

    [Fact]
    public void Certificate_on_another_ec_curve_is_refused_by_name()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=P-256", ecdsa, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var error = Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem(certificate.ExportCertificatePem()));

        Assert.Contains("another curve than SM2", error.Message);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa, false)]
    [InlineData(SignatureScheme.Rsa, true)]
    [InlineData(SignatureScheme.ShangMi, false)]
    [InlineData(SignatureScheme.ShangMi, true)]
    public void Verifies_a_signature_made_outside_the_runtime(SignatureScheme scheme, bool certificate)
    {
        var identity = TestIdentities.For(scheme);
        var key = certificate ? identity.CreatePlatformCertificate() : identity.CreatePublicKey();
        var signature = certificate ? identity.SignAsPlatformCertificate(Message) : identity.SignAsPublicKey(Message);
        Assert.True(key.Verify(Message, signature));

        var changed = (byte[])Message.Clone();
        changed[^2] ^= 1;
        Assert.False(key.Verify(changed, signature));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Verify_returns_false_and_never_throws_for_malformed_or_foreign_signatures(SignatureScheme scheme)
    {
        var key = TestIdentities.For(scheme).CreatePublicKey();
        var other = TestIdentities.For(scheme == SignatureScheme.Rsa ? SignatureScheme.ShangMi : SignatureScheme.Rsa);
        Assert.False(key.Verify(Message, ""));
        Assert.False(key.Verify(Message, "not base64!"));
        Assert.False(key.Verify(Message, "AAAA"));
        Assert.False(key.Verify(Message, new string('A', 10_000)));
        Assert.False(key.Verify(Message, other.SignAsPublicKey(Message)));
        Assert.False(key.Verify(Message, TestIdentities.For(scheme).SignAsPlatformCertificate(Message)));
    }

    [Fact]
    public void Rsa_encryption_decrypts_in_openssl()
    {
        var identity = TestIdentities.Rsa;
        var ciphertext = identity.CreatePublicKey().Encrypt("13800138000");
        using var directory = new TempDirectory();
        var plaintext = OpenSsl.RunChecked("pkeyutl", "-decrypt", "-inkey", directory.Write("key.pem", identity.PublicKeyPrivateKeyPem),
            "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1", "-in", directory.Write("ct", Convert.FromBase64String(ciphertext)));
        Assert.Equal("13800138000", Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void Sm2_encryption_decrypts_in_openssl()
    {
        var identity = TestIdentities.ShangMi;
        var ciphertext = identity.CreatePlatformCertificate().Encrypt("13800138000");
        using var directory = new TempDirectory();
        var plaintext = OpenSsl.RunChecked("pkeyutl", "-decrypt", "-inkey", directory.Write("key.pem", identity.PlatformCertificatePrivateKeyPem),
            "-in", directory.Write("ct", Convert.FromBase64String(ciphertext)));
        Assert.Equal("13800138000", Encoding.UTF8.GetString(plaintext));
    }

    [Theory]
    [InlineData("PUB_KEY_0114232134912410000000000000", "must start with 'PUB_KEY_ID_'")]
    [InlineData("", "must start with 'PUB_KEY_ID_'")]
    [InlineData("PUB_KEY_ID_", "must start with 'PUB_KEY_ID_'")]
    public void Rejects_a_public_key_id_without_the_prefix(string id, string expected)
    {
        var error = Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, TestIdentities.Rsa.PublicKeyPem));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Rejects_bad_public_key_pem_saying_what_is_wrong()
    {
        var id = TestIdentities.PublicKeyId;
        using var small = RSA.Create(1024);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Contains("not PEM", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")).Message);
        Assert.Contains("private key was given", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, TestIdentities.Rsa.PublicKeyPrivateKeyPem)).Message);
        Assert.Contains("certificate was given", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, TestIdentities.Rsa.PlatformCertificatePem)).Message);
        Assert.Contains("at least 2048", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, small.ExportSubjectPublicKeyInfoPem())).Message);
        Assert.Contains("another curve than SM2", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(id, p256.ExportSubjectPublicKeyInfoPem())).Message);
    }

    [Fact]
    public void Rejects_bad_certificate_pem_saying_what_is_wrong()
    {
        Assert.Contains("not PEM", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem("hello")).Message);
        Assert.Contains("public key was given", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem(TestIdentities.Rsa.PublicKeyPem)).Message);
        Assert.Contains("private key was given", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem(TestIdentities.Rsa.PlatformCertificatePrivateKeyPem)).Message);
        Assert.Contains("not valid X.509", Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem("-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----")).Message);
    }

    [Fact]
    public void Matches_a_certificate_serial_ignoring_case_and_leading_zeros_and_a_public_key_id_exactly()
    {
        var certificate = TestIdentities.Rsa.CreatePlatformCertificate();
        Assert.True(certificate.MatchesId(TestIdentities.Rsa.PlatformCertificateSerial));
        Assert.True(certificate.MatchesId("00" + TestIdentities.Rsa.PlatformCertificateSerial.ToLowerInvariant()));
        Assert.False(certificate.MatchesId(TestIdentities.Rsa.PlatformCertificateSerial[..^1]));
        Assert.False(certificate.MatchesId(null));

        var publicKey = TestIdentities.Rsa.CreatePublicKey();
        Assert.True(publicKey.MatchesId(TestIdentities.PublicKeyId));
        Assert.False(publicKey.MatchesId(TestIdentities.PublicKeyId.ToLowerInvariant()));
    }

    [Fact]
    public void Loads_an_rsa_pkcs1_public_key()
    {
        using var rsa = RSA.Create(2048);
        var key = PlatformKey.FromPublicKeyPem(TestIdentities.PublicKeyId, rsa.ExportRSAPublicKeyPem());
        Assert.True(key.Verify(Message, Convert.ToBase64String(rsa.SignData(Message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
    }
}
