using System.Security.Cryptography;

namespace WeChatPay.Tests.TestSupport;

/// <summary>
/// An RSA-2048 "private key" whose signature is a constant: it isolates the signer's own work (message building,
/// hashing, base64, the header) from the RSA private-key operation, for allocation checks and benchmarks.
/// Wrap it with <see cref="MerchantPrivateKey.FromRsa"/>. Its signatures verify with nothing.
/// </summary>
public sealed class ConstantRsa : RSA
{
    private readonly byte[] _signature = RandomNumberGenerator.GetBytes(256);

    /// <summary>Creates the stub.</summary>
    public ConstantRsa()
    {
        KeySizeValue = 2048;
        LegalKeySizesValue = [new KeySizes(2048, 2048, 0)];
    }

    /// <inheritdoc/>
    public override RSAParameters ExportParameters(bool includePrivateParameters) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override byte[] HashData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm) => SHA256.HashData(data.AsSpan(offset, count));

    /// <inheritdoc/>
    protected override bool TryHashData(ReadOnlySpan<byte> data, Span<byte> destination, HashAlgorithmName hashAlgorithm, out int bytesWritten)
        => SHA256.TryHashData(data, destination, out bytesWritten);

    /// <inheritdoc/>
    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) => (byte[])_signature.Clone();

    /// <inheritdoc/>
    public override bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < _signature.Length)
            return false;
        _signature.CopyTo(destination);
        bytesWritten = _signature.Length;
        return true;
    }
}
