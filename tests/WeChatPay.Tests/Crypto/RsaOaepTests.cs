using System.Security.Cryptography;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Crypto;

public sealed class RsaOaepTests
{
    [Fact]
    public void Ciphertext_decrypts_in_openssl_with_oaep_sha1()
    {
        using var rsa = RSA.Create(2048);
        var ciphertext = RsaOaep.Encrypt(rsa, "张三");

        using var directory = new TempDirectory();
        var plaintext = OpenSsl.RunChecked("pkeyutl", "-decrypt", "-inkey", directory.Write("key.pem", rsa.ExportPkcs8PrivateKeyPem()),
            "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1", "-pkeyopt", "rsa_mgf1_md:sha1",
            "-in", directory.Write("ct", Convert.FromBase64String(ciphertext)));
        Assert.Equal("张三", Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void Decrypts_a_ciphertext_openssl_produced_with_oaep_sha1()
    {
        using var rsa = RSA.Create(2048);
        using var directory = new TempDirectory();
        var ciphertext = OpenSsl.RunChecked("pkeyutl", "-encrypt", "-pubin", "-inkey", directory.Write("pub.pem", rsa.ExportSubjectPublicKeyInfoPem()),
            "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha1",
            "-in", directory.Write("pt", Encoding.UTF8.GetBytes("13800138000")));
        Assert.Equal("13800138000", RsaOaep.Decrypt(rsa, Convert.ToBase64String(ciphertext)));
    }

    [Fact]
    public void Rejects_a_ciphertext_for_another_key()
    {
        using var one = RSA.Create(2048);
        using var other = RSA.Create(2048);
        Assert.Throws<WeChatPayException>(() => RsaOaep.Decrypt(other, RsaOaep.Encrypt(one, "secret")));
    }

    [Fact]
    public void Rejects_oaep_sha256_ciphertext()
    {
        using var rsa = RSA.Create(2048);
        var sha256 = Convert.ToBase64String(rsa.Encrypt("secret"u8.ToArray(), RSAEncryptionPadding.OaepSHA256));
        Assert.Throws<WeChatPayException>(() => RsaOaep.Decrypt(rsa, sha256));
    }

    [Fact]
    public void Rejects_malformed_base64()
    {
        using var rsa = RSA.Create(2048);
        Assert.Throws<WeChatPayException>(() => RsaOaep.Decrypt(rsa, "not base64"));
    }
}
