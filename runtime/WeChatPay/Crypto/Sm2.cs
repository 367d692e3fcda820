using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;

namespace WeChatPay;

/// <summary>
/// SM2 (GB/T 32918) as WeChat Pay uses it in ShangMi (国密) mode: signatures with the SM3 digest and the signer ID
/// <c>1234567812345678</c>, DER-encoded (r, s); encryption in the C1C3C2 order, ASN.1-encoded (GM/T 0009); keys in
/// PEM. Every operation runs on BouncyCastle's fast <c>sm2p256v1</c> curve implementation, and throws
/// <see cref="NotSupportedException"/> when the application turned ShangMi off (<c>WeChatPay.ShangMi.IsSupported</c>).
/// </summary>
public static class Sm2
{
    /// <summary>The signer ID (distinguishing identifier) WeChat Pay uses: <c>1234567812345678</c>.</summary>
    public const string DefaultSignerId = "1234567812345678";

    private static readonly byte[] SignerId = "1234567812345678"u8.ToArray();

    // CustomNamedCurves returns the specialised SM2P256V1Curve; GMNamedCurves' generic curve is 6-8x slower.
    internal static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("sm2p256v1");

    internal static readonly ECDomainParameters Domain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, Curve);

    internal static readonly SecureRandom Random = new();

    /// <summary>Signs <paramref name="message"/> (SM3 digest, default signer ID); returns the DER-encoded (r, s).</summary>
    public static byte[] Sign(Sm2PrivateKey privateKey, ReadOnlySpan<byte> message)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        ArgumentNullException.ThrowIfNull(privateKey);
        var signer = new SM2Signer(StandardDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey.Parameters, Random), SignerId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Verifies a DER-encoded SM2 signature over <paramref name="message"/>. Returns false on any mismatch or malformed input.</summary>
    public static bool Verify(Sm2PublicKey publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            var signer = new SM2Signer(StandardDsaEncoding.Instance, new SM3Digest());
            signer.Init(false, new ParametersWithID(publicKey.Parameters, SignerId));
            signer.BlockUpdate(message);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or CryptoException or Asn1Exception or FormatException)
        {
            return false;
        }
    }

    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="publicKey"/>; returns the C1C3C2 ciphertext in its ASN.1 DER form.</summary>
    public static byte[] Encrypt(Sm2PublicKey publicKey, ReadOnlySpan<byte> plaintext)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        ArgumentNullException.ThrowIfNull(publicKey);
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(publicKey.Parameters, Random));
        var raw = engine.ProcessBlock(plaintext.ToArray(), 0, plaintext.Length);

        // raw = 04 || x(32) || y(32) || C3(32) || C2; GM/T 0009 wraps it as SEQUENCE { x, y, C3, C2 }.
        var x = new BigInteger(1, raw, 1, 32);
        var y = new BigInteger(1, raw, 33, 32);
        var c3 = raw.AsSpan(65, 32).ToArray();
        var c2 = raw.AsSpan(97).ToArray();
        return new DerSequence(new DerInteger(x), new DerInteger(y), new DerOctetString(c3), new DerOctetString(c2)).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>Decrypts an ASN.1 DER C1C3C2 ciphertext.</summary>
    /// <exception cref="WeChatPayException">The ciphertext is malformed or does not decrypt with this key.</exception>
    public static byte[] Decrypt(Sm2PrivateKey privateKey, ReadOnlySpan<byte> ciphertext)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        ArgumentNullException.ThrowIfNull(privateKey);
        byte[] raw;
        try
        {
            var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(ciphertext.ToArray()));
            if (sequence.Count != 4)
                throw new WeChatPayException("The SM2 ciphertext is not an ASN.1 C1C3C2 sequence of four elements.");
            var x = DerInteger.GetInstance(sequence[0]).PositiveValue;
            var y = DerInteger.GetInstance(sequence[1]).PositiveValue;
            var c3 = Asn1OctetString.GetInstance(sequence[2]).GetOctets();
            var c2 = Asn1OctetString.GetInstance(sequence[3]).GetOctets();
            if (c3.Length != Sm3.HashSize || x.BitLength > 256 || y.BitLength > 256)
                throw new WeChatPayException("The SM2 ciphertext is malformed: C1 or C3 has the wrong size.");
            raw = new byte[1 + 64 + 32 + c2.Length];
            raw[0] = 0x04;
            BigIntegers.AsUnsignedByteArray(x, raw, 1, 32);
            BigIntegers.AsUnsignedByteArray(y, raw, 33, 32);
            c3.CopyTo(raw, 65);
            c2.CopyTo(raw, 97);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception or InvalidOperationException)
        {
            throw new WeChatPayException("The SM2 ciphertext is not a valid ASN.1 C1C3C2 sequence.");
        }

        try
        {
            var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.Init(false, privateKey.Parameters);
            return engine.ProcessBlock(raw, 0, raw.Length);
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException or InvalidOperationException)
        {
            throw new WeChatPayException("The SM2 ciphertext does not decrypt with this private key: it was encrypted to another key, or altered.");
        }
    }

    /// <summary>Reads an SM2 private key from PEM: PKCS#8 (<c>BEGIN PRIVATE KEY</c>) or SEC1 (<c>BEGIN EC PRIVATE KEY</c>, or <c>BEGIN SM2 PRIVATE KEY</c> as OpenSSL 3 writes it).</summary>
    /// <exception cref="WeChatPayConfigurationException">The text holds no SM2 private key.</exception>
    public static Sm2PrivateKey ImportPrivateKeyPem(string pem)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        foreach (var block in PemText.Blocks(pem))
        {
            if (block.Label is "PRIVATE KEY")
                return Sm2PrivateKey.FromDer(block.Label, block.Der);
            if (block.Label is "EC PRIVATE KEY" or "SM2 PRIVATE KEY") // OpenSSL 3 labels SEC1 SM2 keys "SM2 PRIVATE KEY"
                return Sm2PrivateKey.FromDer("EC PRIVATE KEY", block.Der);
        }

        throw new WeChatPayConfigurationException("The text holds no unencrypted SM2 private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----).");
    }

    /// <summary>Reads an SM2 public key from PEM: SPKI (<c>BEGIN PUBLIC KEY</c>) or an X.509 certificate with an SM2 key.</summary>
    /// <exception cref="WeChatPayConfigurationException">The text holds no SM2 public key.</exception>
    public static Sm2PublicKey ImportPublicKeyPem(string pem)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        foreach (var block in PemText.Blocks(pem))
        {
            switch (block.Label)
            {
                case "PUBLIC KEY":
                    return Sm2PublicKey.FromSubjectPublicKeyInfo(KeyStructures.ReadSubjectPublicKeyInfo(block.Der));
                case "CERTIFICATE":
                    return Sm2PublicKey.FromSubjectPublicKeyInfo(KeyStructures.ReadSubjectPublicKeyInfo(KeyStructures.ReadCertificate(block.Der).SubjectPublicKeyInfo));
            }
        }

        throw new WeChatPayConfigurationException("The text holds no SM2 public key (expected -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----).");
    }

    /// <summary>Generates a new SM2 key pair (for tests and sandboxes).</summary>
    public static Sm2PrivateKey GenerateKey()
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, Random));
        var pair = generator.GenerateKeyPair();
        return new Sm2PrivateKey(((ECPrivateKeyParameters)pair.Private).D);
    }

    /// <summary>Whether an algorithm identifier names an SM2 key: id-ecPublicKey over sm2p256v1, or the SM2 OID itself.</summary>
    internal static bool IsSm2(AlgorithmIdentifier algorithm)
    {
        if (algorithm.Algorithm.Equals(GMObjectIdentifiers.sm2p256v1))
            return true;
        return algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey)
            && algorithm.Parameters is DerObjectIdentifier curve
            && curve.Equals(GMObjectIdentifiers.sm2p256v1);
    }
}

/// <summary>An SM2 private key. <see cref="ToString"/> never prints it.</summary>
public sealed class Sm2PrivateKey
{
    internal Sm2PrivateKey(BigInteger d)
    {
        if (d.SignValue <= 0 || d.CompareTo(Sm2.Curve.N) >= 0)
            throw new WeChatPayConfigurationException("The SM2 private key is out of range for the sm2p256v1 curve.");
        Parameters = new ECPrivateKeyParameters("EC", d, Sm2.Domain);
        var q = new FixedPointCombMultiplier().Multiply(Sm2.Curve.G, d).Normalize();
        PublicKey = new Sm2PublicKey(new ECPublicKeyParameters("EC", q, Sm2.Domain));
    }

    internal ECPrivateKeyParameters Parameters { get; }

    /// <summary>The matching public key.</summary>
    public Sm2PublicKey PublicKey { get; }

    /// <summary>Exports the key as unencrypted PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>).</summary>
    public string ExportPkcs8Pem()
        => PemText.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(Parameters).GetEncoded(Asn1Encodable.Der));

    /// <inheritdoc/>
    public override string ToString() => "Sm2PrivateKey";

    /// <exception cref="WeChatPayConfigurationException">The bytes are not an SM2 key, or ShangMi support is turned off.</exception>
    internal static Sm2PrivateKey FromDer(string label, byte[] der)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotConfigurable("The private key");
        try
        {
            ECPrivateKeyStructure structure;
            if (label == "EC PRIVATE KEY")
            {
                structure = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(der));
                if (structure.Parameters is DerObjectIdentifier curve && !curve.Equals(GMObjectIdentifiers.sm2p256v1))
                    throw new WeChatPayConfigurationException("The EC private key is not on the SM2 curve (sm2p256v1); only SM2 keys are supported.");
            }
            else
            {
                var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
                if (!Sm2.IsSm2(info.PrivateKeyAlgorithm))
                    throw new WeChatPayConfigurationException("The PKCS#8 private key is not an SM2 key.");
                structure = ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey());
            }

            return new Sm2PrivateKey(structure.GetKey());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception or InvalidOperationException)
        {
            throw new WeChatPayConfigurationException("The SM2 private key is not valid DER (PKCS#8 or SEC1).");
        }
    }
}

/// <summary>An SM2 public key.</summary>
public sealed class Sm2PublicKey
{
    internal Sm2PublicKey(ECPublicKeyParameters parameters) => Parameters = parameters;

    internal ECPublicKeyParameters Parameters { get; }

    /// <summary>Exports the key as SPKI PEM (<c>BEGIN PUBLIC KEY</c>).</summary>
    public string ExportSubjectPublicKeyInfoPem()
        => PemText.Write("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(Parameters).GetEncoded(Asn1Encodable.Der));

    /// <inheritdoc/>
    public override string ToString() => "Sm2PublicKey";

    /// <exception cref="WeChatPayConfigurationException">The key is not an SM2 point, or ShangMi support is turned off.</exception>
    internal static Sm2PublicKey FromSubjectPublicKeyInfo(KeyStructures.PublicKeyInfo info)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotConfigurable("The public key");
        if (!info.Algorithm.IsSm2)
            throw new WeChatPayConfigurationException("The public key is not an SM2 key.");
        try
        {
            var point = Sm2.Curve.Curve.DecodePoint(info.PublicKey);
            if (point.IsInfinity || !point.IsValid())
                throw new ArgumentException("invalid point");
            return new Sm2PublicKey(new ECPublicKeyParameters("EC", point, Sm2.Domain));
        }
        catch (ArgumentException)
        {
            throw new WeChatPayConfigurationException("The SM2 public key is not a valid point on the sm2p256v1 curve.");
        }
    }
}
