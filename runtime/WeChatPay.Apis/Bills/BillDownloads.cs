using System.IO.Compression;
using System.Runtime.InteropServices;

namespace WeChatPay.Apis.Bills;

/// <summary>
/// Downloads the file a <see cref="Bill"/> names (下载账单). The request is signed like every call; the answer is
/// unsigned by design, so the file's SHA-1 against <see cref="Bill.HashValue"/> is what protects it. A gzipped file
/// (<c>tar_type=GZIP</c>, recognised by its magic bytes) is inflated as it is read, and the digest covers the
/// inflated file, as WeChat Pay computes it.
/// </summary>
public static class BillDownloads
{
    /// <summary>Downloads the bill; read the stream to its end, where the digest is checked.</summary>
    /// <exception cref="WeChatPayException">The URL is not on the client's gateway, or the digest is not a SHA-1.</exception>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with an error.</exception>
    public static async Task<CheckedBillStream> DownloadBillAsync(this WeChatPayClient client, Bill bill, CancellationToken cancellationToken = default)
    {
        var (request, expected) = Prepare(client, bill);
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Open(response, expected);
    }

    /// <summary>Downloads the bill, synchronously; read the stream to its end, where the digest is checked.</summary>
    /// <exception cref="WeChatPayException">The URL is not on the client's gateway, or the digest is not a SHA-1.</exception>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with an error.</exception>
    public static CheckedBillStream DownloadBill(this WeChatPayClient client, Bill bill)
    {
        var (request, expected) = Prepare(client, bill);
        return Open(client.Send(request), expected);
    }

    /// <summary>
    /// Downloads the bill into <paramref name="path"/>: written to <c>path.partial</c> and moved into place only when
    /// the digest matched, so a file at <paramref name="path"/> is never replaced by a bad one.
    /// </summary>
    /// <exception cref="WeChatPayBillIntegrityException">The file did not match its digest; nothing was kept.</exception>
    public static async Task DownloadBillToFileAsync(this WeChatPayClient client, Bill bill, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var partial = path + ".partial";
        try
        {
            await using (var stream = await client.DownloadBillAsync(bill, cancellationToken).ConfigureAwait(false))
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await stream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static (WeChatPayRequest Request, byte[] Expected) Prepare(WeChatPayClient client, Bill bill)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(bill);
        if (!string.Equals(bill.HashType, "SHA1", StringComparison.OrdinalIgnoreCase))
            throw new WeChatPayException($"The bill's hash_type '{bill.HashType}' is not SHA1, the only digest this SDK checks.");
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(bill.HashValue);
        }
        catch (FormatException)
        {
            expected = [];
        }
        if (expected.Length != 20)
            throw new WeChatPayException("The bill's hash_value is not a SHA-1 in hex (40 hex digits).");
        var target = RelativeTarget(client.BaseAddress, bill.DownloadUrl, "The bill's download_url");
        return (new WeChatPayRequest(HttpMethod.Get, target) { ExpectUnsignedResponse = true }, expected);
    }

    /// <summary>
    /// The download URL relative to the gateway. A signed request goes only to the client's own gateway: a URL on
    /// another scheme, host or port is refused rather than followed.
    /// </summary>
    internal static string RelativeTarget(Uri baseAddress, string downloadUrl, string what)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var url) || url.IsFile)
            throw new WeChatPayException($"{what} is not an absolute http(s) URL.");
        var basePath = baseAddress.AbsolutePath.EndsWith('/') ? baseAddress.AbsolutePath : baseAddress.AbsolutePath + "/";
        if (!string.Equals(url.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(url.Authority, baseAddress.Authority, StringComparison.OrdinalIgnoreCase)
            || !url.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
        {
            throw new WeChatPayException(
                $"{what} is on {url.Scheme}://{url.Authority}{url.AbsolutePath}, outside the client's gateway {baseAddress}; the signed download is sent only to the gateway.");
        }
        return url.PathAndQuery[basePath.Length..];
    }

    private static CheckedBillStream Open(WeChatPayResponse response, byte[] expected)
    {
        var body = MemoryMarshal.TryGetArray(response.Body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(response.Body.ToArray(), writable: false);
        var span = response.Body.Span;
        Stream source = span.Length >= 2 && span[0] == 0x1F && span[1] == 0x8B
            ? new GZipStream(body, CompressionMode.Decompress)
            : body;
        return new CheckedBillStream(source, expected, response.RequestId);
    }
}
