using WeChatPay.Apis.Media;

namespace WeChatPay.Apis.Complaints;

/// <summary>
/// Complaint images, both ways, written by hand because the generator writes neither. 商户上传反馈图片 is a multipart
/// upload over <see cref="WeChatPayClient.UploadMediaAsync"/>; the <c>media_id</c> it answers goes into
/// <see cref="ComplaintResponseRequest.ResponseImages"/> or <see cref="RefundProgressRequest.RejectMediaList"/>.
/// 图片请求 downloads an image: WeChat Pay answers the bytes without a signature, as it does bill files, so the
/// download accepts an unsigned answer; an answer that is signed is still verified, and a bad signature throws.
/// </summary>
public static class ComplaintImages
{
    /// <summary>The complaint image upload endpoint.</summary>
    public const string UploadPath = "v3/merchant-service/images/upload";

    /// <summary>The image download endpoint (图片请求).</summary>
    public const string DownloadPath = "v3/merchant-service/images/{media_id}";

    /// <summary>
    /// 图片请求: the bytes of a complaint image. Pass the <c>media_url</c> a complaint or its history names (it must be
    /// on the client's gateway, and is sent as given), or a bare <c>media_id</c> from an upload.
    /// </summary>
    /// <exception cref="WeChatPayException">The URL is not on the client's gateway.</exception>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with an error, for example an unknown image.</exception>
    /// <exception cref="WeChatPayVerificationException">The answer was signed, and its signature did not verify.</exception>
    [CatalogEndpoint("GET", DownloadPath)]
    public static async Task<byte[]> DownloadComplaintImageAsync(this WeChatPayClient client, string mediaUrlOrId, CancellationToken cancellationToken = default)
    {
        var response = await client.SendAsync(DownloadRequest(client, mediaUrlOrId), cancellationToken).ConfigureAwait(false);
        return response.Body.ToArray();
    }

    /// <summary>图片请求, synchronously.</summary>
    /// <exception cref="WeChatPayException">The URL is not on the client's gateway.</exception>
    /// <exception cref="WeChatPayApiException">WeChat Pay answered with an error, for example an unknown image.</exception>
    /// <exception cref="WeChatPayVerificationException">The answer was signed, and its signature did not verify.</exception>
    [CatalogEndpoint("GET", DownloadPath)]
    public static byte[] DownloadComplaintImage(this WeChatPayClient client, string mediaUrlOrId) =>
        client.Send(DownloadRequest(client, mediaUrlOrId)).Body.ToArray();

    private static WeChatPayRequest DownloadRequest(WeChatPayClient client, string mediaUrlOrId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaUrlOrId);
        var target = mediaUrlOrId.Contains("://", StringComparison.Ordinal)
            ? Bills.BillDownloads.RelativeTarget(client.BaseAddress, mediaUrlOrId, "The image's media_url")
            : "v3/merchant-service/images/" + Uri.EscapeDataString(mediaUrlOrId);
        return new WeChatPayRequest(HttpMethod.Get, target) { UrlTemplate = DownloadPath, ExpectUnsignedResponse = true };
    }

    /// <summary>商户上传反馈图片: a JPG, PNG or BMP of at most 2 MiB; answers its <c>media_id</c>.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", UploadPath)]
    public static Task<WeChatPayResponse<MediaUploadResult>> UploadComplaintImageAsync(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Image.Check(fileName, file);
        return client.UploadMediaAsync(UploadPath, fileName, file, cancellationToken);
    }

    /// <summary>商户上传反馈图片, synchronously.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", UploadPath)]
    public static WeChatPayResponse<MediaUploadResult> UploadComplaintImage(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Image.Check(fileName, file);
        return client.UploadMedia(UploadPath, fileName, file);
    }
}
