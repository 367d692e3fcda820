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

/// <summary>A receiver as WeChat Pay answers it (添加/删除分账接收方); the name is decrypted with the merchant key.</summary>
public sealed class ProfitSharingReceiver
{
    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The receiver's type (<c>type</c>).</summary>
    public ReceiverType Type { get; set; }

    /// <summary>The mchid or the openid (<c>account</c>).</summary>
    public string Account { get; set; } = "";

    /// <summary>The receiver's name, when the answer carries it (<c>name</c>).</summary>
    [Sensitive]
    public string? Name { get; set; }

    /// <summary>The relation (<c>relation_type</c>).</summary>
    public string? RelationType { get; set; }

    /// <summary>The custom relation's name (<c>custom_relation</c>).</summary>
    public string? CustomRelation { get; set; }
}
