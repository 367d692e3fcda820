namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A receiver to delete (删除分账接收方).</summary>
public sealed class DeleteReceiverRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The AppID (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The sub-merchant's AppID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The receiver's type (<c>type</c>).</summary>
    public required ReceiverType Type { get; set; }

    /// <summary>The mchid or the openid (<c>account</c>).</summary>
    public required string Account { get; set; }
}
