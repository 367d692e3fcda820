namespace WeChatPay.Apis.Busifavor;

/// <summary>设置商家券事件通知地址.</summary>
public sealed class SetCallbackRequest
{
    /// <summary>The merchant; a service provider names its sub-merchant, otherwise the caller's own (<c>mchid</c>).</summary>
    public string? Mchid { get; set; }

    /// <summary>The https URL that receives the events (<c>notify_url</c>).</summary>
    public required string NotifyUrl { get; set; }
}

/// <summary>A merchant's event notification address.</summary>
public sealed class Callback
{
    /// <summary>When it was set; only in the answer of the setting (<c>update_time</c>).</summary>
    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>The URL (<c>notify_url</c>).</summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>The merchant (<c>mchid</c>).</summary>
    public string Mchid { get; set; } = "";
}
