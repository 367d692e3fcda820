using System.Security.Cryptography;

namespace WeChatPay.Apis.Bills;

/// <summary>
/// A bill file, read forward once, whose SHA-1 is computed over what the caller reads (after inflating a gzipped
/// file) and compared with the <c>hash_value</c> at the end. The end is the verdict: a read that reaches the end of a
/// file that does not match throws <see cref="WeChatPayBillIntegrityException"/> instead of returning 0, and so does
/// every read after it. Bytes read before the end are unconfirmed until <see cref="IsVerified"/> turns true.
/// </summary>
public sealed class CheckedBillStream : Stream
{
    private readonly Stream _source;
    private readonly byte[] _expected;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly string? _requestId;
    private WeChatPayBillIntegrityException? _failure;

    internal CheckedBillStream(Stream source, byte[] expectedSha1, string? requestId)
    {
        _source = source;
        _expected = expectedSha1;
        _requestId = requestId;
    }

    /// <summary>Whether the whole file has been read and matched its <c>hash_value</c>.</summary>
    public bool IsVerified { get; private set; }

    /// <summary>The <c>Request-ID</c> of the download, if WeChat Pay sent one.</summary>
    public string? RequestId => _requestId;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null)
            throw _failure;
        int read;
        try
        {
            read = _source.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Fail("its gzip data is corrupt or cut short", ex);
        }
        return Account(buffer[..read], buffer.IsEmpty);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failure is not null)
            throw _failure;
        int read;
        try
        {
            read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw Fail("its gzip data is corrupt or cut short", ex);
        }
        return Account(buffer.Span[..read], buffer.IsEmpty);
    }

    // Hashes what was read; at the end (0 bytes for a non-empty buffer) compares the digest.
    private int Account(ReadOnlySpan<byte> read, bool emptyBuffer)
    {
        if (!read.IsEmpty)
        {
            _hash.AppendData(read);
            return read.Length;
        }
        if (emptyBuffer || IsVerified)
            return 0;
        Span<byte> actual = stackalloc byte[20];
        _hash.GetHashAndReset(actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, _expected))
            throw Fail($"its SHA-1 is {Convert.ToHexString(actual).ToLowerInvariant()}, not the hash_value {Convert.ToHexString(_expected).ToLowerInvariant()}", null);
        IsVerified = true;
        return 0;
    }

    private WeChatPayBillIntegrityException Fail(string why, Exception? inner)
        => _failure = new WeChatPayBillIntegrityException(
            $"The downloaded bill file is not the one WeChat Pay described: {why}. Discard everything read from it and download the bill again.",
            _requestId, inner);

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
