namespace WeChatPay.Apis.Media;

/// <summary>
/// What an upload endpoint accepts: its file types, by extension, and its size limit. Checked before sending, so a
/// file WeChat Pay would refuse costs no request.
/// </summary>
internal sealed class MediaRule(string endpoint, long maxBytes, params string[] extensions)
{
    public const long TwoMiB = 2 * 1024 * 1024;
    public const long FiveMiB = 5 * 1024 * 1024;

    /// <summary>图片上传 and 商户上传反馈图片: JPG, PNG or BMP, at most 2 MiB.</summary>
    public static MediaRule Image { get; } = new("an image", TwoMiB, ".jpg", ".jpeg", ".png", ".bmp");

    /// <summary>视频上传: at most 5 MiB.</summary>
    public static MediaRule Video { get; } = new("a video", FiveMiB, ".avi", ".wmv", ".mpeg", ".mp4", ".mov", ".mkv", ".flv", ".f4v", ".m4v", ".rmvb");

    /// <summary>营销图片上传: JPG, BMP or PNG, at most 2 MiB.</summary>
    public static MediaRule MarketingImage { get; } = new("a marketing image", TwoMiB, ".jpg", ".jpeg", ".bmp", ".png");

    /// <summary>Throws <see cref="ArgumentException"/> for a file this endpoint refuses.</summary>
    public void Check(string fileName, ReadOnlyMemory<byte> file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (Array.IndexOf(extensions, extension) < 0)
            throw new ArgumentException($"The file name must end in {string.Join(", ", extensions)} for {endpoint}.", nameof(fileName));
        if (file.IsEmpty)
            throw new ArgumentException("The file to upload is empty.", nameof(file));
        if (file.Length > maxBytes)
            throw new ArgumentException($"The file is {file.Length} bytes; {endpoint} may be at most {maxBytes} bytes ({maxBytes / (1024 * 1024)} MiB).", nameof(file));
    }
}
