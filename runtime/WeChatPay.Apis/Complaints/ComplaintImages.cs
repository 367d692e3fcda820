using WeChatPay.Apis.Media;

namespace WeChatPay.Apis.Complaints;

/// <summary>
/// 商户上传反馈图片: a multipart upload, which the generator does not write, over
/// <see cref="WeChatPayClient.UploadMediaAsync"/>. The <c>media_id</c> it answers goes into
/// <see cref="ComplaintResponseRequest.ResponseImages"/> or <see cref="RefundProgressRequest.RejectMediaList"/>.
/// </summary>
public static class ComplaintImages
{
    /// <summary>The complaint image upload endpoint.</summary>
    public const string UploadPath = "v3/merchant-service/images/upload";

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
