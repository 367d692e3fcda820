namespace WeChatPay.Apis.Media;

/// <summary>
/// 图片上传, 视频上传 and 营销图片上传: multipart uploads, which the generator does not write, over
/// <see cref="WeChatPayClient.UploadMediaAsync"/>. Each checks the endpoint's file types and size limit first and
/// throws <see cref="ArgumentException"/> for a file WeChat Pay would refuse; the signature covers the <c>meta</c>
/// JSON, whose <c>sha256</c> is the file's.
/// </summary>
public static class MediaUploads
{
    /// <summary>The image upload endpoint.</summary>
    public const string ImagePath = "v3/merchant/media/upload";

    /// <summary>The video upload endpoint.</summary>
    public const string VideoPath = "v3/merchant/media/video_upload";

    /// <summary>The marketing image upload endpoint.</summary>
    public const string MarketingImagePath = "v3/marketing/favor/media/image-upload";

    /// <summary>图片上传: a JPG, PNG or BMP of at most 2 MiB; answers its <c>media_id</c>.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", ImagePath)]
    public static Task<WeChatPayResponse<MediaUploadResult>> UploadImageAsync(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Image.Check(fileName, file);
        return client.UploadMediaAsync(ImagePath, fileName, file, cancellationToken);
    }

    /// <summary>图片上传, synchronously.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", ImagePath)]
    public static WeChatPayResponse<MediaUploadResult> UploadImage(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Image.Check(fileName, file);
        return client.UploadMedia(ImagePath, fileName, file);
    }

    /// <summary>视频上传: an avi, wmv, mpeg, mp4, mov, mkv, flv, f4v, m4v or rmvb of at most 5 MiB; answers its <c>media_id</c>.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", VideoPath)]
    public static Task<WeChatPayResponse<MediaUploadResult>> UploadVideoAsync(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Video.Check(fileName, file);
        return client.UploadMediaAsync(VideoPath, fileName, file, cancellationToken);
    }

    /// <summary>视频上传, synchronously.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", VideoPath)]
    public static WeChatPayResponse<MediaUploadResult> UploadVideo(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.Video.Check(fileName, file);
        return client.UploadMedia(VideoPath, fileName, file);
    }

    /// <summary>营销图片上传: a JPG, BMP or PNG of at most 2 MiB; answers its <c>media_url</c>.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", MarketingImagePath)]
    public static Task<WeChatPayResponse<MediaUploadResult>> UploadMarketingImageAsync(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.MarketingImage.Check(fileName, file);
        return client.UploadMediaAsync(MarketingImagePath, fileName, file, cancellationToken);
    }

    /// <summary>营销图片上传, synchronously.</summary>
    /// <exception cref="ArgumentException">The file is empty, too large, or not one of those types.</exception>
    [CatalogEndpoint("POST", MarketingImagePath)]
    public static WeChatPayResponse<MediaUploadResult> UploadMarketingImage(this WeChatPayClient client, string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentNullException.ThrowIfNull(client);
        MediaRule.MarketingImage.Check(fileName, file);
        return client.UploadMedia(MarketingImagePath, fileName, file);
    }
}
