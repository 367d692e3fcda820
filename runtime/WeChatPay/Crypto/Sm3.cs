using Org.BouncyCastle.Crypto.Digests;

namespace WeChatPay;

/// <summary>The SM3 hash (GB/T 32905-2016), a 32-byte digest.</summary>
public static class Sm3
{
    /// <summary>The digest length in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        if (!ShangMiSupport.IsSupported)
            throw ShangMiSupport.NotSupported();
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[HashSize];
        digest.DoFinal(hash, 0);
        return hash;
    }
}
