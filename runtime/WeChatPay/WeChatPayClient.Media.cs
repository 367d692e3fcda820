using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace WeChatPay;

/// <summary>
/// The result of a media upload: the <c>media_id</c> to quote in later requests, or, from the marketing image
/// upload (<c>v3/marketing/favor/media/image-upload</c>), the <c>media_url</c>. At least one is set.
/// </summary>
/// <param name="MediaId">WeChat Pay's ID for the uploaded file (<c>media_id</c>).</param>
/// <param name="MediaUrl">WeChat Pay's URL for the uploaded file (<c>media_url</c>).</param>
public sealed record MediaUploadResult(string? MediaId, string? MediaUrl = null);

// Media upload (图片/视频上传): multipart/form-data whose signed body is the "meta" JSON, exactly as sent.
public sealed partial class WeChatPayClient
{
    /// <summary>
    /// Uploads an image or video to a media endpoint such as <c>v3/merchant/media/upload</c> or
    /// <c>v3/marketing/favor/media/image-upload</c>. Sends <c>multipart/form-data</c> with a <c>meta</c> part,
    /// <c>{"filename":…,"sha256":…}</c>, and a <c>file</c> part; the signature covers the <c>meta</c> JSON, byte for byte.
    /// </summary>
    /// <param name="path">The upload endpoint, relative to the base address.</param>
    /// <param name="fileName">The file name; its extension picks the file part's content type (jpg, png, bmp, mp4, …).</param>
    /// <param name="file">The file's bytes.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The verified response, with the <c>media_id</c> (or <c>media_url</c>) it carries.</returns>
    public async Task<WeChatPayResponse<MediaUploadResult>> UploadMediaAsync(string path, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(BuildMediaUpload(path, fileName, file), cancellationToken).ConfigureAwait(false);
        return new WeChatPayResponse<MediaUploadResult>(response, ReadMediaId(response));
    }

    /// <summary>The synchronous form of <see cref="UploadMediaAsync"/>.</summary>
    public WeChatPayResponse<MediaUploadResult> UploadMedia(string path, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        var response = Send(BuildMediaUpload(path, fileName, file), cancellationToken);
        return new WeChatPayResponse<MediaUploadResult>(response, ReadMediaId(response));
    }

    internal static WeChatPayRequest BuildMediaUpload(string path, string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (file.IsEmpty)
            throw new ArgumentException("The file to upload is empty.", nameof(file));

        var meta = MediaMeta(fileName, file.Span);
        var metaPart = new ReadOnlyMemoryContent(meta);
        metaPart.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        metaPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"meta\"" };

        var filePart = new ReadOnlyMemoryContent(file);
        filePart.Headers.TryAddWithoutValidation("Content-Type", MediaContentType(fileName));
        // Set by hand: MultipartFormDataContent.Add would add a filename* parameter the gateway does not expect.
        filePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = Quote(fileName) };

        var content = new MultipartFormDataContent { metaPart, filePart };
        return new WeChatPayRequest(HttpMethod.Post, path)
        {
            UrlTemplate = path,
            Body = meta,
            ContentType = "application/json",
            Content = content,
        };
    }

    /// <summary>The <c>meta</c> JSON: <c>{"filename":"…","sha256":"&lt;lower-case hex of the file&gt;"}</c>.</summary>
    internal static ReadOnlyMemory<byte> MediaMeta(string fileName, ReadOnlySpan<byte> file)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(file, digest);
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("filename", fileName);
            writer.WriteString("sha256", Convert.ToHexString(digest).ToLowerInvariant());
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The file part's content type, from the extension.</summary>
    internal static string MediaContentType(string fileName)
        => Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".bmp" => "image/bmp",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".mp4" or ".m4v" => "video/mp4",
            ".mov" => "video/quicktime",
            ".avi" => "video/x-msvideo",
            ".wmv" => "video/x-ms-wmv",
            ".mpeg" or ".mpg" => "video/mpeg",
            ".mkv" => "video/x-matroska",
            ".flv" => "video/x-flv",
            _ => "application/octet-stream",
        };

    /// <summary>
    /// The quoted <c>filename</c> parameter. As browsers do for form data (RFC 7578, WHATWG), a quote, CR and LF are
    /// percent-encoded, so no name can end the parameter or add a header line; the <c>meta</c> JSON keeps the name as given.
    /// </summary>
    internal static string Quote(string fileName)
        => "\"" + fileName.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";

    private static MediaUploadResult ReadMediaId(WeChatPayResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var id = document.RootElement.TryGetProperty("media_id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                var url = document.RootElement.TryGetProperty("media_url", out var urlValue) && urlValue.ValueKind == JsonValueKind.String ? urlValue.GetString() : null;
                if (id is not null || url is not null)
                    return new MediaUploadResult(id, url);
            }
        }
        catch (Exception ex) when (WeChatPayResponse.IsReadFailure(ex))
        {
            throw new WeChatPayException($"The verified media upload response could not be read: {ex.Message}", response.StatusCode, response.RequestId, ex);
        }

        throw new WeChatPayException("The verified media upload response has neither media_id nor media_url.", response.StatusCode, response.RequestId);
    }
}
