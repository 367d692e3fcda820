using System.Runtime.InteropServices;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WeChatPay.Testing.Gateway;

/// <summary>
/// A media upload's <c>multipart/form-data</c> body, as the gateway reads it: the <c>meta</c> part (the JSON the
/// request's signature covers, byte for byte) and the <c>file</c> part. A body that is not such a form is
/// <c>400 PARAM_ERROR</c>.
/// </summary>
internal sealed class MultipartForm
{
    /// <summary>The <c>meta</c> part's exact bytes, or null when there is none.</summary>
    public byte[]? Meta { get; private init; }

    /// <summary>The <c>file</c> part's bytes, or null when there is none.</summary>
    public byte[]? File { get; private init; }

    /// <summary>The <c>file</c> part's own <c>filename</c> parameter.</summary>
    public string? FileName { get; private init; }

    public static bool IsMultipart(SandboxRequest request) =>
        request.GetHeader("Content-Type") is { } type && type.TrimStart().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public static MultipartForm Read(SandboxRequest request)
    {
        var type = request.GetHeader("Content-Type");
        if (type is null || !MediaTypeHeaderValue.TryParse(type, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw SandboxError.ParamError("上传接口的Content-Type应为multipart/form-data (the body must be multipart/form-data)",
                "Content-Type", "must be multipart/form-data", "header", type);
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw SandboxError.ParamError("multipart/form-data缺少boundary (the Content-Type has no boundary)", "Content-Type", "has no boundary", "header", type);

        var body = MemoryMarshal.TryGetArray(request.Body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(request.Body.ToArray(), writable: false);
        byte[]? meta = null, file = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary, body);
            // The body is already in memory, so each read completes synchronously.
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    continue;
                using var content = new MemoryStream();
                section.Body.CopyTo(content);
                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "meta":
                        meta = content.ToArray();
                        break;
                    case "file":
                        file = content.ToArray();
                        fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            throw SandboxError.ParamError("multipart/form-data格式错误 (the multipart body is malformed)", "", "the multipart body does not parse");
        }
        return new MultipartForm { Meta = meta, File = file, FileName = fileName };
    }
}
