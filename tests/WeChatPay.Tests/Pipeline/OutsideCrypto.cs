using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>
/// What WeChat Pay does on its side, written without the runtime: AEAD encryption (System.Security.Cryptography
/// AES-GCM; BouncyCastle SM4-GCM with SM3-derived key), certificate download bodies and extra RSA certificates.
/// </summary>
public static class OutsideCrypto
{
    public const string Nonce12 = "uluk4a9R25RW";

    public static string EncryptAesGcm(string apiV3Key, string nonce, string associatedData, byte[] plaintext)
    {
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(Encoding.ASCII.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String([.. ciphertext, .. tag]);
    }

    public static string EncryptSm4Gcm(string apiV3Key, string nonce, string associatedData, byte[] plaintext)
    {
        var sm3 = new SM3Digest();
        var keyBytes = Encoding.ASCII.GetBytes(apiV3Key);
        sm3.BlockUpdate(keyBytes, 0, keyBytes.Length);
        var digest = new byte[32];
        sm3.DoFinal(digest, 0);
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(true, new AeadParameters(new KeyParameter(digest, 0, 16), 128, Encoding.ASCII.GetBytes(nonce), Encoding.UTF8.GetBytes(associatedData)));
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var n = gcm.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, n);
        return Convert.ToBase64String(output);
    }

    public static string Encrypt(SignatureScheme scheme, string nonce, string associatedData, byte[] plaintext, string apiV3Key = TestIdentities.ApiV3Key)
        => scheme == SignatureScheme.ShangMi
            ? EncryptSm4Gcm(apiV3Key, nonce, associatedData, plaintext)
            : EncryptAesGcm(apiV3Key, nonce, associatedData, plaintext);

    public static string Algorithm(SignatureScheme scheme) => scheme == SignatureScheme.ShangMi ? "AEAD_SM4_GCM" : "AEAD_AES_256_GCM";

    /// <summary>The body of <c>GET /v3/certificates</c> holding <paramref name="certificates"/>, each encrypted with the APIv3 key.</summary>
    public static string CertificateDownload(SignatureScheme scheme, params (string Serial, string Pem)[] certificates)
    {
        var data = new JsonArray();
        foreach (var (serial, pem) in certificates)
        {
            data.Add(new JsonObject
            {
                ["serial_no"] = serial,
                ["effective_time"] = "2024-01-01T00:00:00+08:00",
                ["expire_time"] = "2029-01-01T00:00:00+08:00",
                ["encrypt_certificate"] = new JsonObject
                {
                    ["algorithm"] = Algorithm(scheme),
                    ["nonce"] = Nonce12,
                    ["associated_data"] = "certificate",
                    ["ciphertext"] = Encrypt(scheme, Nonce12, "certificate", Encoding.UTF8.GetBytes(pem)),
                },
            });
        }

        return new JsonObject { ["data"] = data }.ToJsonString();
    }
}

/// <summary>A second RSA platform certificate, as after a rotation, with its private key for signing responses.</summary>
public sealed class ExtraRsaCertificate
{
    private static readonly Lazy<ExtraRsaCertificate> s_rotated = new(() => new ExtraRsaCertificate("6A1B2C3D4E5F60718293A4B5C6D7E8F901234567"));

    private readonly byte[] _privateKey;

    private ExtraRsaCertificate(string serial)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Tenpay.com Rotated Test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(6), Convert.FromHexString(serial));
        Serial = serial;
        Pem = certificate.ExportCertificatePem();
        _privateKey = rsa.ExportPkcs8PrivateKey();
    }

    public static ExtraRsaCertificate Rotated => s_rotated.Value;

    public string Serial { get; }

    public string Pem { get; }

    /// <summary>A response signed with this certificate's key.</summary>
    public HttpResponseMessage Signed(long timestamp, string body, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_privateKey, out _);
        const string nonce = "ROTATEDNONCE000000000000000000AA";
        var bytes = Encoding.UTF8.GetBytes(body);
        var message = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n{body}\n");
        var signature = Convert.ToBase64String(rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
        Gateway.AddSignature(response, new SignatureHeaders(timestamp.ToString(CultureInfo.InvariantCulture), nonce, signature, Serial, "WECHATPAY2-SHA256-RSA2048"));
        return response;
    }
}
