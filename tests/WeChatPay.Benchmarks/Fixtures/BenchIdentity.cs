using System.Security.Cryptography;

namespace WeChatPay.Benchmarks.Fixtures;

/// <summary>
/// A merchant identity and a WeChat Pay platform identity made fresh for one run: RSA-2048 keys that never leave the
/// process. The platform key is in public-key mode (<c>PUB_KEY_ID_…</c>), as for every merchant onboarded since 2024.
/// </summary>
public sealed class BenchIdentity : IDisposable
{
    public const string MerchantId = "1900000109";
    public const string MerchantSerialNumber = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PublicKeyId = "PUB_KEY_ID_0119000001092025112900000000000042";
    public const string ApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    public static readonly Uri BaseAddress = new("https://api.mch.weixin.qq.com/");

    private BenchIdentity(RSA merchantKey, RSA platformKey)
    {
        MerchantKey = merchantKey;
        PlatformKey = platformKey;
        MerchantPrivateKeyPem = merchantKey.ExportPkcs8PrivateKeyPem();
        MerchantPublicKeyPem = merchantKey.ExportSubjectPublicKeyInfoPem();
        PlatformPublicKeyPem = platformKey.ExportSubjectPublicKeyInfoPem();
        PlatformPublicKey = RSA.Create();
        PlatformPublicKey.ImportFromPem(PlatformPublicKeyPem);
    }

    /// <summary>The merchant's private key (signs requests).</summary>
    public RSA MerchantKey { get; }

    /// <summary>The platform's private key (signs the gateway's responses; only the fixtures hold it).</summary>
    public RSA PlatformKey { get; }

    /// <summary>The platform's public key alone, as a client holds it (verifies responses).</summary>
    public RSA PlatformPublicKey { get; }

    public string MerchantPrivateKeyPem { get; }
    public string MerchantPublicKeyPem { get; }
    public string PlatformPublicKeyPem { get; }

    public static BenchIdentity Create() => new(RSA.Create(2048), RSA.Create(2048));

    public void Dispose()
    {
        MerchantKey.Dispose();
        PlatformKey.Dispose();
        PlatformPublicKey.Dispose();
    }
}

/// <summary>
/// An <see cref="RSA"/> whose private-key operation is replaced by a constant: it hashes the message with SHA-256
/// exactly as a real key does (the base class's <c>SignData</c>/<c>TrySignData</c> hash, then call
/// <c>SignHash</c>), and only the modular exponentiation is skipped. Every contender that is given this key does the
/// same work as with a real key, less the ~375 µs RSA private-key operation, so what remains is its own overhead.
/// The constant is a real signature made once, so nothing downstream can tell it apart by shape.
/// </summary>
public sealed class ConstantSignatureRsa : RSA
{
    private readonly byte[] _signature;
    private readonly RSAParameters _publicParameters;

    public ConstantSignatureRsa(RSA realKey)
    {
        _signature = realKey.SignData("constant"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _publicParameters = realKey.ExportParameters(includePrivateParameters: false);
        KeySizeValue = realKey.KeySize;
        LegalKeySizesValue = [new KeySizes(2048, 4096, 8)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        Check(hash.Length, hashAlgorithm, padding);
        return (byte[])_signature.Clone();
    }

    public override bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten)
    {
        Check(hash.Length, hashAlgorithm, padding);
        if (destination.Length < _signature.Length)
        {
            bytesWritten = 0;
            return false;
        }
        _signature.CopyTo(destination);
        bytesWritten = _signature.Length;
        return true;
    }

    // Hash as RSAOpenSsl does (one-shot, no allocation), so that only the private-key operation differs from a real key.
    protected override byte[] HashData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm)
    {
        Check(32, hashAlgorithm, RSASignaturePadding.Pkcs1);
        return SHA256.HashData(data.AsSpan(offset, count));
    }

    protected override byte[] HashData(Stream data, HashAlgorithmName hashAlgorithm)
    {
        Check(32, hashAlgorithm, RSASignaturePadding.Pkcs1);
        return SHA256.HashData(data);
    }

    protected override bool TryHashData(ReadOnlySpan<byte> data, Span<byte> destination, HashAlgorithmName hashAlgorithm, out int bytesWritten)
    {
        Check(32, hashAlgorithm, RSASignaturePadding.Pkcs1);
        return SHA256.TryHashData(data, destination, out bytesWritten);
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters
            ? throw new CryptographicException("The constant-signature stand-in has no private parameters.")
            : _publicParameters;

    public override void ImportParameters(RSAParameters parameters) =>
        throw new NotSupportedException("The constant-signature stand-in cannot import a key.");

    private static void Check(int hashLength, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1 || hashLength != 32)
            throw new CryptographicException("The constant-signature stand-in only replaces RSA PKCS#1 v1.5 SHA-256.");
    }
}

/// <summary>A clock frozen at one instant, so that pre-signed responses stay inside the ±300 s window for a whole run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
