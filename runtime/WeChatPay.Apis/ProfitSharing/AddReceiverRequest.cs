namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A receiver to add (添加分账接收方). The name is required for <c>MERCHANT_ID</c>, where it is the merchant's full name.</summary>
public sealed class AddReceiverRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The AppID (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The sub-merchant's AppID, for <c>PERSONAL_SUB_OPENID</c> (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The receiver's type (<c>type</c>).</summary>
    public required ReceiverType Type { get; set; }

    /// <summary>The mchid or the openid (<c>account</c>).</summary>
    public required string Account { get; set; }

    /// <summary>The receiver's name (<c>name</c>, encrypted).</summary>
    [Sensitive]
    public string? Name { get; set; }

    /// <summary>The relation to the merchant, for example <c>STORE</c>, <c>PARTNER</c> or <c>CUSTOM</c> (<c>relation_type</c>).</summary>
    public required string RelationType { get; set; }

    /// <summary>The relation's name when <c>relation_type</c> is CUSTOM (<c>custom_relation</c>).</summary>
    public string? CustomRelation { get; set; }
}
