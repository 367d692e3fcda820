using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace WeChatPay.Testing.Crypto;

/// <summary>
/// One asymmetric key as the sandbox uses it: RSA-2048 (PKCS#1 v1.5, SHA-256) or SM2 (SM3, signer ID
/// <c>1234567812345678</c>, DER). The sandbox's crypto is written here on its own, apart from the runtime's, so that
/// the sandbox checks the runtime instead of agreeing with it by construction.
/// </summary>
internal abstract class SandboxKey
{
    public abstract SignatureScheme Scheme { get; }

    /// <summary>Whether this instance holds the private half.</summary>
    public abstract bool HasPrivateKey { get; }

    /// <summary>The <c>Authorization</c> scheme that signs with this kind of key.</summary>
    public string AuthorizationScheme => Scheme == SignatureScheme.Rsa ? "WECHATPAY2-SHA256-RSA2048" : "WECHATPAY2-SM2-WITH-SM3";

    public abstract string Sign(ReadOnlySpan<byte> message);

    public abstract bool Verify(ReadOnlySpan<byte> message, string signatureBase64);

    public abstract string ExportPublicKeyPem();

    /// <summary>Encrypts a sensitive field to this key: RSA-OAEP-SHA1, or SM2 C1C3C2 in its ASN.1 DER form.</summary>
    public abstract byte[] Encrypt(byte[] plaintext);

    /// <summary>Decrypts what <see cref="Encrypt"/> makes; throws <see cref="CryptographicException"/> on any bad input.</summary>
    public abstract byte[] Decrypt(byte[] ciphertext);

    public abstract string ExportPrivateKeyPem();

    public static SandboxKey Generate(SignatureScheme scheme) =>
        scheme == SignatureScheme.Rsa ? new RsaSandboxKey(RSA.Create(2048)) : Sm2SandboxKey.Generate();

    /// <summary>Reads a PKCS#8 (or PKCS#1 RSA) private key.</summary>
    public static SandboxKey FromPrivateKeyPem(string pem)
    {
        var fields = PemEncoding.Find(pem);
        var label = pem[fields.Label];
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        if (label == "RSA PRIVATE KEY")
        {
            var rsa = RSA.Create();
            rsa.ImportRSAPrivateKey(der, out _);
            return new RsaSandboxKey(rsa);
        }
        if (label != "PRIVATE KEY")
            throw new InvalidDataException($"Expected a PKCS#8 'PRIVATE KEY' PEM block, found '{label}'.");
        var key = PrivateKeyFactory.CreateKey(der);
        return key switch
        {
            RsaPrivateCrtKeyParameters => ImportRsaPkcs8(der),
            ECPrivateKeyParameters ec => Sm2SandboxKey.FromPrivate(ec.D),
            _ => throw new InvalidDataException("The private key is neither RSA nor SM2."),
        };

        static SandboxKey ImportRsaPkcs8(byte[] der)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(der, out _);
            return new RsaSandboxKey(rsa);
        }
    }

    /// <summary>Reads an SPKI public key (<c>BEGIN PUBLIC KEY</c>).</summary>
    public static SandboxKey FromPublicKeyPem(string pem)
    {
        var fields = PemEncoding.Find(pem);
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        return FromSubjectPublicKeyInfo(der);
    }

    public static SandboxKey FromSubjectPublicKeyInfo(byte[] der)
    {
        var key = PublicKeyFactory.CreateKey(der);
        switch (key)
        {
            case RsaKeyParameters:
                var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(der, out _);
                return new RsaSandboxKey(rsa);
            case ECPublicKeyParameters ec:
                return Sm2SandboxKey.FromPublic(ec.Q.GetEncoded(false));
            default:
                throw new InvalidDataException("The public key is neither RSA nor SM2.");
        }
    }

    public override string ToString() => $"SandboxKey {{ Scheme = {Scheme} }}";
}

internal sealed class RsaSandboxKey(RSA rsa) : SandboxKey
{
    private readonly bool _hasPrivate = HasPrivate(rsa);

    public RSA Rsa { get; } = rsa;

    public override SignatureScheme Scheme => SignatureScheme.Rsa;

    public override bool HasPrivateKey => _hasPrivate;

    public override string Sign(ReadOnlySpan<byte> message) =>
        Convert.ToBase64String(Rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public override bool Verify(ReadOnlySpan<byte> message, string signatureBase64)
    {
        var signature = new byte[(signatureBase64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
            return false;
        return Rsa.VerifyData(message, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public override string ExportPublicKeyPem() => Rsa.ExportSubjectPublicKeyInfoPem();

    public override byte[] Encrypt(byte[] plaintext) => Rsa.Encrypt(plaintext, RSAEncryptionPadding.OaepSHA1);

    public override byte[] Decrypt(byte[] ciphertext) => Rsa.Decrypt(ciphertext, RSAEncryptionPadding.OaepSHA1);

    public override string ExportPrivateKeyPem() => Rsa.ExportPkcs8PrivateKeyPem();

    private static bool HasPrivate(RSA rsa)
    {
        try
        {
            rsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

internal sealed class Sm2SandboxKey : SandboxKey
{
    /// <summary>The default SM2 signer ID (GM/T 0009), which WeChat Pay uses.</summary>
    private static readonly byte[] SignerId = Encoding.ASCII.GetBytes("1234567812345678");

    // The fast curve implementation: the generic one from GMNamedCurves is several times slower.
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("sm2p256v1");

    internal static readonly ECNamedDomainParameters Domain = new(GMObjectIdentifiers.sm2p256v1, Curve);

    private static readonly SecureRandom Random = new();

    private Sm2SandboxKey(ECPrivateKeyParameters? privateKey, ECPublicKeyParameters publicKey)
    {
        PrivateKey = privateKey;
        PublicKey = publicKey;
    }

    public ECPrivateKeyParameters? PrivateKey { get; }

    public ECPublicKeyParameters PublicKey { get; }

    public override SignatureScheme Scheme => SignatureScheme.ShangMi;

    public override bool HasPrivateKey => PrivateKey is not null;

    public static Sm2SandboxKey Generate()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, Random));
        var pair = generator.GenerateKeyPair();
        return FromPrivate(((ECPrivateKeyParameters)pair.Private).D);
    }

    public static Sm2SandboxKey FromPrivate(Org.BouncyCastle.Math.BigInteger d)
    {
        var privateKey = new ECPrivateKeyParameters(d, Domain);
        var q = Domain.G.Multiply(d).Normalize();
        return new Sm2SandboxKey(privateKey, new ECPublicKeyParameters(q, Domain));
    }

    public static Sm2SandboxKey FromPublic(byte[] uncompressedPoint) =>
        new(null, new ECPublicKeyParameters(Domain.Curve.DecodePoint(uncompressedPoint), Domain));

    public override string Sign(ReadOnlySpan<byte> message)
    {
        if (PrivateKey is null)
            throw new InvalidOperationException("This SM2 key has no private half.");
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(PrivateKey, Random), SignerId));
        signer.BlockUpdate(message);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    public override bool Verify(ReadOnlySpan<byte> message, string signatureBase64)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(PublicKey, SignerId));
        signer.BlockUpdate(message);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or Org.BouncyCastle.Crypto.CryptoException)
        {
            return false;
        }
    }

    public override string ExportPublicKeyPem()
    {
        var der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(PublicKey).GetDerEncoded();
        return new string(PemEncoding.Write("PUBLIC KEY", der));
    }

    public override byte[] Encrypt(byte[] plaintext)
    {
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(PublicKey, Random));
        // The engine answers 04 || x || y || C3 || C2; WeChat Pay sends it as the GM/T 0009 sequence (x, y, C3, C2).
        var raw = engine.ProcessBlock(plaintext, 0, plaintext.Length);
        var x = new Org.BouncyCastle.Math.BigInteger(1, raw, 1, 32);
        var y = new Org.BouncyCastle.Math.BigInteger(1, raw, 33, 32);
        return new DerSequence(new DerInteger(x), new DerInteger(y), new DerOctetString(raw.AsSpan(65, 32).ToArray()),
            new DerOctetString(raw.AsSpan(97).ToArray())).GetEncoded(Asn1Encodable.Der);
    }

    public override byte[] Decrypt(byte[] ciphertext)
    {
        if (PrivateKey is null)
            throw new InvalidOperationException("This SM2 key has no private half.");
        try
        {
            var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(ciphertext));
            if (sequence.Count != 4)
                throw new CryptographicException("The SM2 ciphertext is not a sequence of four elements.");
            var raw = new List<byte> { 0x04 };
            raw.AddRange(DerInteger.GetInstance(sequence[0]).PositiveValue.ToByteArrayUnsigned().Fixed32());
            raw.AddRange(DerInteger.GetInstance(sequence[1]).PositiveValue.ToByteArrayUnsigned().Fixed32());
            raw.AddRange(Asn1OctetString.GetInstance(sequence[2]).GetOctets());
            raw.AddRange(Asn1OctetString.GetInstance(sequence[3]).GetOctets());
            var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.Init(false, PrivateKey);
            var bytes = raw.ToArray();
            return engine.ProcessBlock(bytes, 0, bytes.Length);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IOException or Asn1Exception or InvalidOperationException or CryptoException)
        {
            throw new CryptographicException("The SM2 ciphertext does not decrypt.", ex);
        }
    }

    public override string ExportPrivateKeyPem()
    {
        if (PrivateKey is null)
            throw new InvalidOperationException("This SM2 key has no private half.");
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(PrivateKey).GetDerEncoded();
        return new string(PemEncoding.Write("PRIVATE KEY", der));
    }
}

internal static class Sm2Bytes
{
    /// <summary>A coordinate left-padded to 32 bytes (or cut to 32 if it came longer).</summary>
    public static byte[] Fixed32(this byte[] value)
    {
        if (value.Length == 32)
            return value;
        var fixedLength = new byte[32];
        var take = Math.Min(32, value.Length);
        Array.Copy(value, value.Length - take, fixedLength, 32 - take, take);
        return fixedLength;
    }
}
