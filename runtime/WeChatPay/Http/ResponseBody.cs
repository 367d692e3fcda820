using System.Buffers;

namespace WeChatPay;

/// <summary>
/// Reads an answer's body into one array, refusing it as soon as it is known to exceed the cap: from
/// <c>Content-Length</c> before reading, else while reading, so an endless or huge answer never fills memory.
/// </summary>
internal static class ResponseBody
{
    public static async ValueTask<byte[]> ReadAsync(HttpContent content, long cap, bool useAsync, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        if (announced > cap)
            throw new TooLargeException();

        using var stream = useAsync
            ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : content.ReadAsStream(cancellationToken);
        if (announced is { } length and < int.MaxValue)
        {
            // The usual case: exactly the announced bytes, in one array.
            var exact = new byte[length];
            var read = 0;
            while (read < exact.Length)
            {
                var n = useAsync
                    ? await stream.ReadAsync(exact.AsMemory(read), cancellationToken).ConfigureAwait(false)
                    : stream.Read(exact, read, exact.Length - read);
                if (n == 0)
                    return exact[..read];
                read += n;
            }

            // HttpClient's framing ends the stream at Content-Length, so nothing more can follow.
            return exact;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            while (true)
            {
                var n = useAsync
                    ? await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                    return collected.ToArray();
                if (collected.Length + n > cap)
                    throw new TooLargeException();
                collected.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The body exceeds the cap; the caller turns this into a <see cref="WeChatPayException"/> that names the option.</summary>
    internal sealed class TooLargeException : Exception;
}
