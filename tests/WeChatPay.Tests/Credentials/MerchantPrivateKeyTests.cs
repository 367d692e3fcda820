using System.Security.Cryptography;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Credentials;

public sealed class MerchantPrivateKeyTests
{
    private static readonly byte[] Message = "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"u8.ToArray();

    [Fact]
    public void Loads_an_rsa_key_from_pkcs8_pkcs1_and_encrypted_pkcs8_alike()
    {
        var rsa = TestIdentities.Rsa;
        using var pkcs8 = MerchantPrivateKey.FromPem(rsa.MerchantPrivateKeyPem);
        using var pkcs1 = MerchantPrivateKey.FromPem(rsa.MerchantPrivateKeyLegacyPem);
        using var encrypted = MerchantPrivateKey.FromPem(rsa.MerchantPrivateKeyEncryptedPem, TestIdentities.Passphrase);

        Assert.All(new[] { pkcs8, pkcs1, encrypted }, key => Assert.Equal(SignatureScheme.Rsa, key.Scheme));

        // PKCS#1 v1.5 signatures are deterministic: one key gives one signature.
        var expected = pkcs8.Sign(Message);
        Assert.Equal(expected, pkcs1.Sign(Message));
        Assert.Equal(expected, encrypted.Sign(Message));
    }

    [Fact]
    public void Loads_an_encrypted_pkcs8_rsa_key_written_by_openssl()
    {
        using var directory = new TempDirectory();
        var pem = Encoding.ASCII.GetString(OpenSsl.RunChecked("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc", "-pass", "pass:s3cret"));
        Assert.Contains("ENCRYPTED PRIVATE KEY", pem);
        using var key = MerchantPrivateKey.FromPem(pem, "s3cret");
        Assert.Equal(SignatureScheme.Rsa, key.Scheme);
    }

    [Fact]
    public void Loads_an_sm2_key_from_pkcs8_sec1_and_encrypted_pkcs8_alike()
    {
        var sm2 = TestIdentities.ShangMi;
        using var pkcs8 = MerchantPrivateKey.FromPem(sm2.MerchantPrivateKeyPem);
        using var sec1 = MerchantPrivateKey.FromPem(sm2.MerchantPrivateKeyLegacyPem);
        using var encrypted = MerchantPrivateKey.FromPem(sm2.MerchantPrivateKeyEncryptedPem, TestIdentities.Passphrase);
        var publicKey = Sm2.ImportPublicKeyPem(sm2.MerchantPublicKeyPem);

        foreach (var key in new[] { pkcs8, sec1, encrypted })
        {
            Assert.Equal(SignatureScheme.ShangMi, key.Scheme);
            Assert.True(Sm2.Verify(publicKey, Message, Convert.FromBase64String(key.Sign(Message))));
        }
    }

    [Fact]
    public void Loads_sm2_keys_that_openssl_generated_in_pkcs8_and_sec1_form()
    {
        using var directory = new TempDirectory();
        var pkcs8File = directory.File("key.pem");
        OpenSsl.RunChecked("genpkey", "-algorithm", "SM2", "-out", pkcs8File);
        var sec1 = Encoding.ASCII.GetString(OpenSsl.RunChecked("ec", "-in", pkcs8File));
        Assert.Contains("BEGIN SM2 PRIVATE KEY", sec1); // OpenSSL 3's label for a SEC1 SM2 key
        var sec1Relabelled = sec1.Replace("SM2 PRIVATE KEY", "EC PRIVATE KEY", StringComparison.Ordinal);
        var publicKey = Sm2.ImportPublicKeyPem(Encoding.ASCII.GetString(OpenSsl.RunChecked("pkey", "-in", pkcs8File, "-pubout")));

        using var fromPkcs8 = MerchantPrivateKey.FromFile(pkcs8File);
        using var fromSec1 = MerchantPrivateKey.FromPem(sec1);
        using var fromSec1Relabelled = MerchantPrivateKey.FromPem(sec1Relabelled);
        Assert.True(Sm2.Verify(publicKey, Message, Convert.FromBase64String(fromSec1Relabelled.Sign(Message))));
        Assert.True(Sm2.Verify(publicKey, Message, Convert.FromBase64String(fromPkcs8.Sign(Message))));
        Assert.True(Sm2.Verify(publicKey, Message, Convert.FromBase64String(fromSec1.Sign(Message))));
    }

    [Fact]
    public void Loads_a_key_from_a_file()
    {
        using var directory = new TempDirectory();
        using var key = MerchantPrivateKey.FromFile(directory.Write("apiclient_key.pem", TestIdentities.Rsa.MerchantPrivateKeyPem));
        Assert.Equal(SignatureScheme.Rsa, key.Scheme);
    }

    [Fact]
    public void Finds_the_private_key_among_other_pem_blocks()
    {
        var text = TestIdentities.Rsa.PlatformCertificatePem + "\n" + TestIdentities.Rsa.MerchantPrivateKeyPem;
        using var key = MerchantPrivateKey.FromPem(text);
        Assert.Equal(SignatureScheme.Rsa, key.Scheme);
    }

    public static TheoryData<string, string, string?, string> BadKeys()
    {
        var rsa = TestIdentities.Rsa;
        using var small = RSA.Create(1024);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new TheoryData<string, string, string?, string>
        {
            { "empty", "", null, "empty" },
            { "not PEM", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC", null, "not PEM" },
            { "public key", rsa.MerchantPublicKeyPem, null, "public key was given" },
            { "certificate", rsa.PlatformCertificatePem, null, "certificate was given" },
            { "wrong passphrase", rsa.MerchantPrivateKeyEncryptedPem, "wrong", "passphrase is wrong" },
            { "missing passphrase", rsa.MerchantPrivateKeyEncryptedPem, null, "pass its passphrase" },
            { "RSA 1024", small.ExportPkcs8PrivateKeyPem(), null, "at least 2048" },
            { "ECDSA P-256 (PKCS#8)", p256.ExportPkcs8PrivateKeyPem(), null, "not supported" },
            { "ECDSA P-256 (SEC1)", p256.ExportECPrivateKeyPem(), null, "not on the SM2 curve" },
            { "corrupt DER", "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----", null, "not valid" },
            { "unknown block", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----", null, "not a supported private key" },
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Rejects_a_bad_key_saying_what_is_wrong_without_echoing_it(string name, string pem, string? passphrase, string expected)
    {
        var error = Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromPem(pem, passphrase));
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
        AssertNoPemBody(pem, error);
    }

    [Fact]
    public void Rejects_a_legacy_encrypted_pem_naming_the_conversion()
    {
        using var directory = new TempDirectory();
        var pem = Encoding.ASCII.GetString(OpenSsl.RunChecked("rsa", "-in", directory.Write("key.pem", TestIdentities.Rsa.MerchantPrivateKeyPem),
            "-aes256", "-traditional", "-passout", "pass:s3cret"));
        Assert.Contains("Proc-Type: 4,ENCRYPTED", pem);
        var error = Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromPem(pem, "s3cret"));
        Assert.Contains("openssl pkcs8 -topk8", error.Message);
        AssertNoPemBody(pem, error);
    }

    [Fact]
    public void Rejects_the_sm2_encrypted_key_with_a_wrong_passphrase()
    {
        var pem = TestIdentities.ShangMi.MerchantPrivateKeyEncryptedPem;
        var error = Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromPem(pem, "wrong"));
        Assert.Contains("passphrase is wrong", error.Message);
        AssertNoPemBody(pem, error);
    }

    [Fact]
    public void Rejects_a_missing_file_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "wcp-missing-" + Guid.NewGuid().ToString("N"), "apiclient_key.pem");
        var error = Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromFile(path));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Decrypts_an_rsa_oaep_field_openssl_encrypted_to_the_merchant_public_key()
    {
        var rsa = TestIdentities.Rsa;
        using var directory = new TempDirectory();
        var ciphertext = OpenSsl.RunChecked("pkeyutl", "-encrypt", "-pubin", "-inkey", directory.Write("pub.pem", rsa.MerchantPublicKeyPem),
            "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1", "-in", directory.Write("pt", "张三"u8.ToArray()));
        using var key = rsa.CreateMerchantKey();
        Assert.Equal("张三", key.Decrypt(Convert.ToBase64String(ciphertext)));
    }

    [Fact]
    public void Decrypts_an_sm2_field_openssl_encrypted_to_the_merchant_public_key()
    {
        var sm2 = TestIdentities.ShangMi;
        using var directory = new TempDirectory();
        var ciphertext = OpenSsl.RunChecked("pkeyutl", "-encrypt", "-pubin", "-inkey", directory.Write("pub.pem", sm2.MerchantPublicKeyPem),
            "-in", directory.Write("pt", "张三"u8.ToArray()));
        using var key = sm2.CreateMerchantKey();
        Assert.Equal("张三", key.Decrypt(Convert.ToBase64String(ciphertext)));
    }

    [Fact]
    public void Rejects_a_field_encrypted_to_another_key()
    {
        using var key = TestIdentities.Rsa.CreateMerchantKey();
        var foreign = TestIdentities.Rsa.CreatePublicKey().Encrypt("secret");
        Assert.Throws<WeChatPayException>(() => key.Decrypt(foreign));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Signs_correctly_from_many_threads_at_once(SignatureScheme scheme)
    {
        var identity = TestIdentities.For(scheme);
        using var key = identity.CreateMerchantKey();
        var verifier = PlatformKey.FromPublicKeyPem("PUB_KEY_ID_MERCHANT", identity.MerchantPublicKeyPem);
        var failures = 0;
        Parallel.For(0, 32, i =>
        {
            var message = Encoding.UTF8.GetBytes($"message {i}\n");
            if (!verifier.Verify(message, key.Sign(message)))
                Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Wraps_an_rsa_instance_and_refuses_small_ones()
    {
        using var key = MerchantPrivateKey.FromRsa(RSA.Create(2048));
        Assert.Equal(SignatureScheme.Rsa, key.Scheme);
        Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromRsa(RSA.Create(1024)));
    }

    [Fact]
    public void ToString_names_only_the_scheme()
    {
        using var key = TestIdentities.Rsa.CreateMerchantKey();
        Assert.Equal("MerchantPrivateKey { Scheme = Rsa }", key.ToString());
    }

    private static void AssertNoPemBody(string pem, Exception error)
    {
        var texts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
            texts.Add(e.Message);
        foreach (var line in pem.Split('\n'))
        {
            var body = line.Trim();
            // Base64 lines only: PEM boundaries and legacy headers ("Proc-Type: …") are not key material.
            if (body.Length >= 16 && !body.StartsWith("-----", StringComparison.Ordinal) && !body.Contains(':', StringComparison.Ordinal))
                Assert.All(texts, text => Assert.DoesNotContain(body[..16], text));
        }
    }
}
