using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Crypto;

public sealed class Sm2Tests
{
    private static readonly byte[] Message = "1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}\n"u8.ToArray();

    [Fact]
    public void Signature_verifies_with_openssl_holding_only_the_public_key()
    {
        var key = Sm2.GenerateKey();
        var signature = Sm2.Sign(key, Message);

        using var directory = new TempDirectory();
        var result = OpenSsl.Run("pkeyutl", "-verify", "-pubin", "-inkey", directory.Write("pub.pem", key.PublicKey.ExportSubjectPublicKeyInfoPem()),
            "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678",
            "-in", directory.Write("msg", Message), "-sigfile", directory.Write("sig", signature));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Text);
        Assert.Contains("Signature Verified Successfully", result.Text);
    }

    [Fact]
    public void Openssl_rejects_the_signature_over_a_changed_message()
    {
        var key = Sm2.GenerateKey();
        var signature = Sm2.Sign(key, Message);
        var changed = (byte[])Message.Clone();
        changed[0] ^= 1;

        using var directory = new TempDirectory();
        var result = OpenSsl.Run("pkeyutl", "-verify", "-pubin", "-inkey", directory.Write("pub.pem", key.PublicKey.ExportSubjectPublicKeyInfoPem()),
            "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678",
            "-in", directory.Write("msg", changed), "-sigfile", directory.Write("sig", signature));
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void Verifies_a_signature_made_by_openssl_with_a_key_openssl_generated()
    {
        using var directory = new TempDirectory();
        var keyFile = directory.File("key.pem");
        OpenSsl.RunChecked("genpkey", "-algorithm", "SM2", "-out", keyFile);
        var publicPem = Encoding.ASCII.GetString(OpenSsl.RunChecked("pkey", "-in", keyFile, "-pubout"));
        var signature = OpenSsl.RunChecked("pkeyutl", "-sign", "-inkey", keyFile, "-rawin", "-digest", "sm3",
            "-pkeyopt", "distid:1234567812345678", "-in", directory.Write("msg", Message));

        var publicKey = Sm2.ImportPublicKeyPem(publicPem);
        Assert.True(Sm2.Verify(publicKey, Message, signature));
        Assert.False(Sm2.Verify(publicKey, Message.AsSpan(1), signature));

        // The private key openssl wrote (PKCS#8, id-ecPublicKey over sm2p256v1) loads, and its public half matches.
        var privateKey = Sm2.ImportPrivateKeyPem(File.ReadAllText(keyFile));
        Assert.Equal(publicPem.Trim(), privateKey.PublicKey.ExportSubjectPublicKeyInfoPem().Trim());
    }

    [Fact]
    public void Rejects_a_signature_under_another_signer_id()
    {
        // Independent signer: BouncyCastle's SM2Signer with a different distinguishing ID.
        var key = Sm2.GenerateKey();
        var signer = new Org.BouncyCastle.Crypto.Signers.SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key.Parameters, new SecureRandom()), "ALICE123@YAHOO.COM"u8.ToArray()));
        signer.BlockUpdate(Message);
        Assert.False(Sm2.Verify(key.PublicKey, Message, signer.GenerateSignature()));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void Verify_returns_false_for_malformed_signatures(byte[] signature)
        => Assert.False(Sm2.Verify(Sm2.GenerateKey().PublicKey, Message, signature));

    [Fact]
    public void Encryption_round_trips()
    {
        var key = Sm2.GenerateKey();
        var plaintext = Encoding.UTF8.GetBytes("张三 13800138000");
        Assert.Equal(plaintext, Sm2.Decrypt(key, Sm2.Encrypt(key.PublicKey, plaintext)));
    }

    [Fact]
    public void Ciphertext_is_the_GM_T_0009_ASN1_C1C3C2_sequence_and_decrypts_in_openssl()
    {
        var key = Sm2.GenerateKey();
        var ciphertext = Sm2.Encrypt(key.PublicKey, "13800138000"u8);

        var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(ciphertext));
        Assert.Equal(4, sequence.Count);
        Assert.IsType<DerInteger>(sequence[0]);
        Assert.IsType<DerInteger>(sequence[1]);
        Assert.Equal(32, Asn1OctetString.GetInstance(sequence[2]).GetOctets().Length);
        Assert.Equal(11, Asn1OctetString.GetInstance(sequence[3]).GetOctets().Length);

        using var directory = new TempDirectory();
        var plaintext = OpenSsl.RunChecked("pkeyutl", "-decrypt", "-inkey", directory.Write("key.pem", key.ExportPkcs8Pem()), "-in", directory.Write("ct", ciphertext));
        Assert.Equal("13800138000"u8.ToArray(), plaintext);
    }

    [Fact]
    public void Decrypts_a_ciphertext_openssl_produced()
    {
        var key = Sm2.GenerateKey();
        using var directory = new TempDirectory();
        var ciphertext = OpenSsl.RunChecked("pkeyutl", "-encrypt", "-pubin", "-inkey", directory.Write("pub.pem", key.PublicKey.ExportSubjectPublicKeyInfoPem()),
            "-in", directory.Write("pt", "6225880137706868"u8.ToArray()));
        Assert.Equal("6225880137706868"u8.ToArray(), Sm2.Decrypt(key, ciphertext));
    }

    [Fact]
    public void Decrypts_a_ciphertext_from_BouncyCastle_SM2Engine_on_the_generic_curve()
    {
        // Independent: the engine over GMNamedCurves' generic curve, raw C1C3C2 wrapped in ASN.1 by hand.
        var key = Sm2.GenerateKey();
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        var domain = new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
        var q = x9.Curve.DecodePoint(key.PublicKey.Parameters.Q.GetEncoded(false));
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(new ECPublicKeyParameters(q, domain), new SecureRandom()));
        var raw = engine.ProcessBlock("hello"u8.ToArray(), 0, 5);
        var der = new DerSequence(
            new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, raw, 1, 32)),
            new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, raw, 33, 32)),
            new DerOctetString(raw.AsSpan(65, 32).ToArray()),
            new DerOctetString(raw.AsSpan(97).ToArray())).GetEncoded();
        Assert.Equal("hello"u8.ToArray(), Sm2.Decrypt(key, der));
    }

    [Fact]
    public void Rejects_a_tampered_ciphertext()
    {
        var key = Sm2.GenerateKey();
        var ciphertext = Sm2.Encrypt(key.PublicKey, "secret"u8);
        ciphertext[^1] ^= 1;
        Assert.Throws<WeChatPayException>(() => Sm2.Decrypt(key, ciphertext));
    }

    [Fact]
    public void Rejects_a_ciphertext_for_another_key()
        => Assert.Throws<WeChatPayException>(() => Sm2.Decrypt(Sm2.GenerateKey(), Sm2.Encrypt(Sm2.GenerateKey().PublicKey, "secret"u8)));

    [Fact]
    public void Rejects_a_ciphertext_that_is_not_ASN1()
        => Assert.Throws<WeChatPayException>(() => Sm2.Decrypt(Sm2.GenerateKey(), new byte[] { 4, 1, 2, 3 }));

    [Fact]
    public void Uses_the_fast_custom_curve_implementation()
        => Assert.Equal("SM2P256V1Curve", Sm2.GenerateKey().Parameters.Parameters.Curve.GetType().Name);

    [Fact]
    public void Reads_the_public_key_of_an_SM2_certificate()
    {
        var identity = TestIdentities.ShangMi;
        var fromCertificate = Sm2.ImportPublicKeyPem(identity.PlatformCertificatePem);
        var fromKey = Sm2.ImportPrivateKeyPem(identity.PlatformCertificatePrivateKeyPem).PublicKey;
        Assert.Equal(fromKey.ExportSubjectPublicKeyInfoPem(), fromCertificate.ExportSubjectPublicKeyInfoPem());
    }

    [Fact]
    public void Rejects_a_non_SM2_public_key()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        Assert.Throws<WeChatPayConfigurationException>(() => Sm2.ImportPublicKeyPem(ecdsa.ExportSubjectPublicKeyInfoPem()));
    }
}
