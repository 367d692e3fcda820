using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace WeChatPay;

/// <summary>PEM reading and writing shared by the key loaders. Errors never echo the text.</summary>
internal static class PemText
{
    internal readonly record struct Block(string Label, byte[] Der);

    /// <summary>Every well-formed PEM block in <paramref name="text"/>, in order.</summary>
    internal static List<Block> Blocks(string? text)
    {
        var blocks = new List<Block>(1);
        if (string.IsNullOrEmpty(text))
            return blocks;
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written))
                blocks.Add(new Block(label, written == der.Length ? der : der.AsSpan(0, written).ToArray()));
            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    internal static string Write(string label, byte[] der) => new(PemEncoding.Write(label, der));

    internal static SubjectPublicKeyInfo ParseSubjectPublicKeyInfo(byte[] der)
    {
        try
        {
            return SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception)
        {
            throw new WeChatPayConfigurationException("The public key is not valid SubjectPublicKeyInfo DER.");
        }
    }

    internal static X509CertificateStructure ParseCertificate(byte[] der)
    {
        try
        {
            return X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Asn1Exception)
        {
            throw new WeChatPayConfigurationException("The certificate is not valid X.509 DER.");
        }
    }
}
