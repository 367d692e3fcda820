namespace WeChatPay.Apis.Favor;

/// <summary>设置消息通知地址: where WeChat Pay sends 代金券 events (today only <c>COUPON.USE</c>).</summary>
public sealed class SetFavorCallbackRequest
{
    /// <summary>The merchant (<c>mchid</c>).</summary>
    public required string Mchid { get; set; }

    /// <summary>The https URL, without query parameters (<c>notify_url</c>).</summary>
    public required string NotifyUrl { get; set; }

    /// <summary>Whether events are sent: <c>true</c> turns them on, <c>false</c> off (<c>switch</c>).</summary>
    public bool? Switch { get; set; }
}

/// <summary>A merchant's 代金券 notification address: the answer of 设置 and of 查询消息通知地址.</summary>
public sealed class FavorCallback
{
    /// <summary>When it was set; only in the answer of the setting (<c>update_time</c>).</summary>
    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>The URL (<c>notify_url</c>).</summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>The merchant; only in the answer of the query (<c>mchid</c>).</summary>
    public string? Mchid { get; set; }
}
