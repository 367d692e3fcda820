using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay.Testing.Tests;

/// <summary>GET /v3/certificates: encrypted with the APIv3 key exactly like the real response, RSA and SM2.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CertificatesTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Serves_the_RSA_certificate_encrypted_with_AEAD_AES_256_GCM()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/certificates");
        var entry = response.Json["data"]![0]!;
        var encrypted = entry["encrypt_certificate"]!;

        Assert.Equal("AEAD_AES_256_GCM", encrypted["algorithm"]!.GetValue<string>());
        Assert.Equal("certificate", encrypted["associated_data"]!.GetValue<string>());
        var pem = DecryptAesGcm(fixture.Rsa.ApiV3Key, encrypted);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        Assert.Equal(entry["serial_no"]!.GetValue<string>(), certificate.SerialNumber);
        Assert.Equal(fixture.Sandbox.Platform.RsaCertificateSerialNumber, certificate.SerialNumber);
        Assert.EndsWith("+08:00", entry["effective_time"]!.GetValue<string>());
        Assert.EndsWith("+08:00", entry["expire_time"]!.GetValue<string>());
        // The download is signed by the certificate it carries.
        Assert.Equal(certificate.SerialNumber, response.Serial);
        using var rsa = certificate.GetRSAPublicKey()!;
        Assert.True(rsa.VerifyData(response.SignedMessage(), Convert.FromBase64String(response.Signature!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Serves_the_SM2_certificate_encrypted_with_AEAD_SM4_GCM()
    {
        var response = await fixture.SendSignedAsync(fixture.ShangMi, "GET", "/v3/certificates?algorithm_type=SM2");
        var entry = response.Json["data"]![0]!;
        var encrypted = entry["encrypt_certificate"]!;

        Assert.Equal("AEAD_SM4_GCM", encrypted["algorithm"]!.GetValue<string>());
        var pem = DecryptSm4Gcm(fixture.ShangMi.ApiV3Key, encrypted);
        Assert.Equal(fixture.Sandbox.Platform.Sm2CertificatePem, pem);
        Assert.Equal(fixture.Sandbox.Platform.Sm2CertificateSerialNumber, entry["serial_no"]!.GetValue<string>());
        Assert.Equal(fixture.Sandbox.Platform.Sm2CertificateSerialNumber, response.Serial);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Rejects_an_unknown_algorithm_type_with_PARAM_ERROR()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/certificates?algorithm_type=DSA");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("algorithm_type", response.Json["detail"]!["field"]!.GetValue<string>());
        Assert.Equal("query", response.Json["detail"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_runtime_downloads_and_verifies_RSA_certificates()
    {
        using var client = fixture.CreateClient(fixture.Rsa, configure: o =>
        {
            o.PublicKeyId = null;
            o.PlatformPublicKey = null;
            o.DownloadPlatformCertificates = true;
        });

        var response = await client.Chain("v3/marketing/busifavor/stocks/{stock_id}")
            .GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = await fixture.CreateStockAsync(client, fixture.Rsa) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(client.PlatformKeys, k => k.Id == fixture.Sandbox.Platform.RsaCertificateSerialNumber);
    }

    [Fact]
    public async Task The_runtime_downloads_and_verifies_SM2_certificates()
    {
        using var client = fixture.CreateClient(fixture.ShangMi, configure: o =>
        {
            o.PublicKeyId = null;
            o.PlatformPublicKey = null;
            o.DownloadPlatformCertificates = true;
        });

        var stockId = await fixture.CreateStockAsync(client, fixture.ShangMi);

        Assert.NotEmpty(stockId);
        Assert.Contains(client.PlatformKeys, k => k.Id == fixture.Sandbox.Platform.Sm2CertificateSerialNumber);
    }

    [Fact]
    public void Answers_404_RESOURCE_NOT_EXISTS_when_the_merchant_has_no_certificates()
    {
        var sandbox = new WeChatPaySandbox(fixture.Sandbox.Platform, new SandboxOptions { ServeCertificates = false });
        var merchant = sandbox.Merchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());

        var error = Assert.Throws<WeChatPayApiException>(() => client.Chain("v3/certificates").Get());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
        Assert.True(error.IsVerified);
    }

    private static string DecryptAesGcm(string apiV3Key, System.Text.Json.Nodes.JsonNode encrypted)
    {
        var data = Convert.FromBase64String(encrypted["ciphertext"]!.GetValue<string>());
        var plaintext = new byte[data.Length - 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(encrypted["nonce"]!.GetValue<string>()), data.AsSpan(0, plaintext.Length), data.AsSpan(plaintext.Length),
            plaintext, Encoding.UTF8.GetBytes(encrypted["associated_data"]!.GetValue<string>()));
        return Encoding.UTF8.GetString(plaintext);
    }

    internal static string DecryptSm4Gcm(string apiV3Key, System.Text.Json.Nodes.JsonNode encrypted)
    {
        var sm3 = new SM3Digest();
        var keyBytes = Encoding.UTF8.GetBytes(apiV3Key);
        sm3.BlockUpdate(keyBytes, 0, keyBytes.Length);
        var hash = new byte[32];
        sm3.DoFinal(hash, 0);
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(false, new AeadParameters(new KeyParameter(hash, 0, 16), 128,
            Encoding.UTF8.GetBytes(encrypted["nonce"]!.GetValue<string>()), Encoding.UTF8.GetBytes(encrypted["associated_data"]!.GetValue<string>())));
        var data = Convert.FromBase64String(encrypted["ciphertext"]!.GetValue<string>());
        var output = new byte[cipher.GetOutputSize(data.Length)];
        var length = cipher.ProcessBytes(data, 0, data.Length, output, 0);
        length += cipher.DoFinal(output, length);
        return Encoding.UTF8.GetString(output, 0, length);
    }
}
