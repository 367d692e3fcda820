namespace WeChatPay.Apis.Complaints;

/// <summary>Where complaint notifications go (投诉通知回调地址), as WeChat Pay answers it.</summary>
public sealed class ComplaintNotificationUrl
{
    /// <summary>The merchant that set it (<c>mchid</c>).</summary>
    public string Mchid { get; set; } = "";

    /// <summary>The https URL (<c>url</c>).</summary>
    public string Url { get; set; } = "";
}

/// <summary>The URL to create or update (创建/更新投诉通知回调地址).</summary>
public sealed class ComplaintNotificationUrlRequest
{
    /// <summary>An https URL without query parameters, at most 256 characters (<c>url</c>).</summary>
    public required string Url { get; set; }
}
