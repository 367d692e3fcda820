using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace WeChatPay.Testing.Crypto;

/// <summary>
/// A platform certificate (平台证书) the sandbox issues for itself: the certificate, its key and the serial number
/// that <c>Wechatpay-Serial</c> names (40 upper-case hex digits, like WeChat Pay's).
/// </summary>
internal sealed class SandboxCertificate
{
    private SandboxCertificate(string pem, string serialNumber, DateTimeOffset notBefore, DateTimeOffset notAfter, SandboxKey key)
    {
        Pem = pem;
        SerialNumber = serialNumber;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Key = key;
    }

    public string Pem { get; }

    public string SerialNumber { get; }

    public DateTimeOffset NotBefore { get; }

    public DateTimeOffset NotAfter { get; }

    public SandboxKey Key { get; }

    public SignatureScheme Scheme => Key.Scheme;

    private const string Subject = "CN=Tenpay.com Root CA Sandbox, OU=Tenpay.com CA Center, O=Tenpay.com, L=Shenzhen, S=Guangdong, C=CN";

    /// <summary>Issues a self-signed certificate for <paramref name="key"/>, valid five years from <paramref name="now"/>.</summary>
    public static SandboxCertificate Issue(SandboxKey key, DateTimeOffset now)
    {
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] = (byte)(0x10 | (serial[0] & 0x7F & 0x3F)); // positive, no leading zero: always 40 hex digits
        var notBefore = new DateTimeOffset(now.UtcDateTime.AddDays(-1).Date, TimeSpan.Zero);
        var notAfter = notBefore.AddYears(5);
        string pem;
        switch (key)
        {
            case RsaSandboxKey rsa:
            {
                var request = new CertificateRequest(new X500DistinguishedName(Subject), rsa.Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
                var generator = X509SignatureGenerator.CreateForRSA(rsa.Rsa, RSASignaturePadding.Pkcs1);
                using var certificate = request.Create(request.SubjectName, generator, notBefore, notAfter, serial);
                pem = certificate.ExportCertificatePem();
                break;
            }
            case Sm2SandboxKey sm2:
            {
                var name = new X509Name("C=CN,ST=Guangdong,L=Shenzhen,O=Tenpay.com,OU=Tenpay.com CA Center,CN=Tenpay.com Root CA Sandbox SM2");
                var generator = new X509V3CertificateGenerator();
                generator.SetSerialNumber(new Org.BouncyCastle.Math.BigInteger(1, serial));
                generator.SetIssuerDN(name);
                generator.SetSubjectDN(name);
                generator.SetNotBefore(notBefore.UtcDateTime);
                generator.SetNotAfter(notAfter.UtcDateTime);
                generator.SetPublicKey(sm2.PublicKey);
                generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
                var certificate = generator.Generate(new Asn1SignatureFactory("SM3WITHSM2", sm2.PrivateKey, new SecureRandom()));
                pem = new string(PemEncoding.Write("CERTIFICATE", certificate.GetEncoded()));
                break;
            }
            default:
                throw new ArgumentException("Unknown key type.", nameof(key));
        }
        return new SandboxCertificate(pem, Convert.ToHexString(serial), notBefore, notAfter, key);
    }

    /// <summary>Reads a certificate and pairs it with its private key.</summary>
    public static SandboxCertificate Load(string certificatePem, SandboxKey privateKey)
    {
        var fields = PemEncoding.Find(certificatePem);
        var der = Convert.FromBase64String(certificatePem[fields.Base64Data]);
        var certificate = new X509CertificateParser().ReadCertificate(der);
        var serial = certificate.SerialNumber.ToByteArrayUnsigned();
        var publicKey = SandboxKey.FromSubjectPublicKeyInfo(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
        if (publicKey.ExportPublicKeyPem() != privateKey.ExportPublicKeyPem())
            throw new InvalidDataException("The platform certificate does not match its private key.");
        return new SandboxCertificate(certificatePem, Convert.ToHexString(serial),
            new DateTimeOffset(DateTime.SpecifyKind(certificate.NotBefore, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(certificate.NotAfter, DateTimeKind.Utc)), privateKey);
    }

    public override string ToString() => $"SandboxCertificate {{ SerialNumber = {SerialNumber}, Scheme = {Scheme} }}";
}
