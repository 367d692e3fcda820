using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Hosting;

/// <summary>
/// Reads a request body as its bytes arrive, under <see cref="SandboxOptions.MaxRequestBodySize"/>. The buffer grows
/// with what was received, never with what <c>Content-Length</c> announces, so a connection that announces a large
/// body and sends little holds little memory before it is authenticated.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>The first buffer is at most this large, whatever the announced length.</summary>
    private const int FirstBuffer = 16 * 1024;

    /// <exception cref="SandboxError">413: the body is, or is announced as, larger than <paramref name="cap"/>.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, long? contentLength, int cap, CancellationToken cancellationToken)
    {
        if (contentLength > cap)
            throw SandboxError.TooLarge(cap);
        if (contentLength == 0)
            return ReadOnlyMemory<byte>.Empty;

        var buffer = new byte[(int)Math.Clamp(contentLength ?? FirstBuffer, 1, FirstBuffer)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > cap)
                    throw SandboxError.TooLarge(cap);
                // Grow by doubling, up to the announced length (when honest) or one byte past the cap.
                var next = (int)Math.Min((long)buffer.Length * 2, Math.Min(contentLength ?? long.MaxValue, (long)cap + 1));
                Array.Resize(ref buffer, Math.Max(next, buffer.Length + 1));
            }

            var n = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                break;
            length += n;
        }

        if (length > cap)
            throw SandboxError.TooLarge(cap);
        return buffer.AsMemory(0, length);
    }
}
