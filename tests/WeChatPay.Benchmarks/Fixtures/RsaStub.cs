using System.Reflection;
using System.Security.Cryptography;

namespace WeChatPay.Benchmarks.Fixtures;

/// <summary>
/// Puts a <see cref="ConstantSignatureRsa"/> in place of the RSA key inside the SDK's <see cref="MerchantPrivateKey"/>.
/// The runtime has no public seam for a caller-supplied <see cref="RSA"/> (keys come only from PEM), so the
/// benchmark swaps the one RSA object the key holds, found by its type. Everything else in the SDK runs unchanged —
/// message building, SHA-256, base64, header assembly, the HTTP pipeline — and the setup proves the swap took effect
/// by checking that the signature on the wire is the constant one. Benchmarks only; never in the runtime.
/// </summary>
public static class RsaStub
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Replaces the RSA object inside <paramref name="key"/> with <paramref name="replacement"/>.</summary>
    public static void Replace(MerchantPrivateKey key, RSA replacement)
    {
        var fields = typeof(MerchantPrivateKey).GetFields(Instance).Where(f => typeof(RSA).IsAssignableFrom(f.FieldType)).ToList();
        if (fields.Count != 1)
            throw new InvalidOperationException($"Expected one RSA field in MerchantPrivateKey, found {fields.Count}; update RsaStub.");
        fields[0].SetValue(key, replacement);
    }

    /// <summary>Replaces the RSA object inside the merchant key that <paramref name="client"/> signs with.</summary>
    public static void Replace(WeChatPayClient client, RSA replacement)
    {
        var keys = typeof(WeChatPayClient).GetFields(Instance)
            .Where(f => f.FieldType == typeof(MerchantPrivateKey))
            .Select(f => (MerchantPrivateKey?)f.GetValue(client))
            .OfType<MerchantPrivateKey>()
            .Distinct()
            .ToList();
        if (keys.Count != 1)
            throw new InvalidOperationException($"Expected one MerchantPrivateKey in WeChatPayClient, found {keys.Count}; update RsaStub.");
        Replace(keys[0], replacement);
    }
}
