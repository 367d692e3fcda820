using System.Formats.Asn1;

namespace WeChatPay;

/// <summary>
/// The few DER structures the key loaders look into (SubjectPublicKeyInfo, the algorithm of a PKCS#8 PrivateKeyInfo,
/// and an X.509 certificate's serial number, validity and key), read with System.Formats.Asn1. Loading RSA keys and
/// certificates therefore never reaches BouncyCastle, which only SM2 needs. Errors never echo the bytes.
/// </summary>
internal static class KeyStructures
{
    /// <summary><c>rsaEncryption</c> (PKCS#1).</summary>
    internal const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary><c>id-ecPublicKey</c> (X9.62).</summary>
    internal const string IdEcPublicKey = "1.2.840.10045.2.1";

    /// <summary><c>sm2p256v1</c> (GM/T 0006), used both as a curve and as a key algorithm.</summary>
    internal const string Sm2P256V1 = "1.2.156.10197.1.301";

    /// <summary>An AlgorithmIdentifier: the algorithm OID and, for EC keys, the curve OID.</summary>
    internal readonly record struct KeyAlgorithm(string Oid, string? Curve)
    {
        public bool IsRsa => Oid == RsaEncryption;

        /// <summary>id-ecPublicKey over sm2p256v1, or the SM2 OID itself.</summary>
        public bool IsSm2 => Oid == Sm2P256V1 || (Oid == IdEcPublicKey && Curve == Sm2P256V1);

        public bool IsOtherEc => Oid == IdEcPublicKey && !IsSm2;
    }

    /// <summary>A SubjectPublicKeyInfo: its algorithm and the content of its <c>subjectPublicKey</c> BIT STRING.</summary>
    internal readonly record struct PublicKeyInfo(KeyAlgorithm Algorithm, byte[] PublicKey);

    /// <summary>What the runtime needs of a certificate: the serial (big-endian, two's complement), validity and the encoded SubjectPublicKeyInfo.</summary>
    internal readonly record struct CertificateInfo(byte[] SerialNumber, DateTimeOffset NotBefore, DateTimeOffset NotAfter, byte[] SubjectPublicKeyInfo);

    /// <summary>Reads <c>SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }</c>.</summary>
    /// <exception cref="WeChatPayConfigurationException">The bytes are not a SubjectPublicKeyInfo.</exception>
    internal static PublicKeyInfo ReadSubjectPublicKeyInfo(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var algorithm = ReadAlgorithm(info);
            var key = info.ReadBitString(out var unusedBits);
            info.ThrowIfNotEmpty();
            if (unusedBits != 0)
                throw new AsnContentException();
            return new PublicKeyInfo(algorithm, key);
        }
        catch (AsnContentException)
        {
            throw new WeChatPayConfigurationException("The public key is not valid SubjectPublicKeyInfo DER.");
        }
    }

    /// <summary>Reads the algorithm of <c>PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, … }</c>.</summary>
    /// <exception cref="WeChatPayConfigurationException">The bytes are not a PKCS#8 PrivateKeyInfo.</exception>
    internal static KeyAlgorithm ReadPrivateKeyAlgorithm(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            if (!info.TryReadInt32(out var version) || version is not (0 or 1))
                throw new AsnContentException();
            var algorithm = ReadAlgorithm(info);
            info.ReadOctetString();
            return algorithm;
        }
        catch (AsnContentException)
        {
            throw new WeChatPayConfigurationException("The merchant private key is not valid PKCS#8 DER.");
        }
    }

    /// <summary>
    /// Reads an X.509 certificate's serial number, validity and SubjectPublicKeyInfo from
    /// <c>TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }</c>.
    /// The certificate's own signature is not checked: platform certificates are trusted because they come from the
    /// configuration or from a download that was decrypted with the APIv3 key and verified.
    /// </summary>
    /// <exception cref="WeChatPayConfigurationException">The bytes are not an X.509 certificate.</exception>
    internal static CertificateInfo ReadCertificate(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var certificate = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var tbs = certificate.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                tbs.ReadEncodedValue(); // version
            var serial = tbs.ReadIntegerBytes().ToArray();
            tbs.ReadSequence(); // signature algorithm
            tbs.ReadSequence(); // issuer
            var validity = tbs.ReadSequence();
            var notBefore = ReadTime(validity);
            var notAfter = ReadTime(validity);
            validity.ThrowIfNotEmpty();
            tbs.ReadSequence(); // subject
            var publicKeyInfo = tbs.ReadEncodedValue().ToArray();
            certificate.ReadSequence(); // signatureAlgorithm
            certificate.ReadBitString(out _); // signatureValue
            certificate.ThrowIfNotEmpty();
            return new CertificateInfo(serial, notBefore, notAfter, publicKeyInfo);
        }
        catch (AsnContentException)
        {
            throw new WeChatPayConfigurationException("The certificate is not valid X.509 DER.");
        }
    }

    // AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }; for EC keys the
    // parameters are the curve's OID (namedCurve); anything else (NULL for RSA) is not needed.
    private static KeyAlgorithm ReadAlgorithm(AsnReader reader)
    {
        var identifier = reader.ReadSequence();
        var oid = identifier.ReadObjectIdentifier();
        string? curve = null;
        if (identifier.HasData && identifier.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            curve = identifier.ReadObjectIdentifier();
        return new KeyAlgorithm(oid, curve);
    }

    // Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime } (RFC 5280 §4.1.2.5; UTCTime years 50–99 are 19xx).
    private static DateTimeOffset ReadTime(AsnReader reader)
        => reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime(twoDigitYearMax: 2049)
            : reader.ReadGeneralizedTime();
}
