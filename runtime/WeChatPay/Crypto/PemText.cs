using System.Security.Cryptography;

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
}

