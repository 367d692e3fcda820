namespace WeChatPay.Testing.Media;

/// <summary>
/// An uploaded file: whose it is, its name, content type and bytes, and whether 图片请求 serves it back (a complaint
/// image, the merchant's or the user's, is; a media upload is not).
/// </summary>
internal sealed record MediaFile(string MerchantId, string MediaId, string FileName, string ContentType, byte[] Bytes, bool ComplaintImage);
